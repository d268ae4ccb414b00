// Seeds a benchmark-sized registry straight in SQL: models, versions (with metrics), and audit events.
// Rows go through the same constraints and triggers as the app's (stage rules, hash chain), in batches.
import pg from 'pg';

export interface ScaleOptions {
  models: number;
  versions: number;
  events: number;
  /** One model gets this many of the versions, for the board benchmark. */
  bigModelVersions: number;
}

export async function seedScale(url: string, options: ScaleOptions, log: (m: string) => void = console.log): Promise<{ bigModel: string; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    const owner = (await client.query(`INSERT INTO app_user (id, email, name, role, updated_at) VALUES ('bench-owner', 'bench-owner@example.com', 'Bench Owner', 'admin', now()) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`)).rows[0].id as string;
    await client.query(
      `INSERT INTO registered_model (id, name, owner_id, updated_at, next_version_number)
       SELECT 'bm-' || i, 'bench-model-' || i, $1, now(), 1 FROM generate_series(1, $2) AS i ON CONFLICT DO NOTHING`,
      [owner, options.models],
    );
    await client.query(`INSERT INTO metric_definition (id, model_id, key, direction, is_primary) SELECT 'bmd-' || i, 'bm-' || i, 'auc', 'higher', true FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`, [options.models]);
    const rest = options.versions - options.bigModelVersions;
    const perModel = Math.max(1, Math.ceil(rest / Math.max(options.models - 1, 1)));
    const batch = 20_000;
    // Version i belongs to the big model (bm-1) for the first bigModelVersions, then round-robin over the rest.
    for (let from = 1; from <= options.versions; from += batch) {
      const to = Math.min(from + batch - 1, options.versions);
      // A version's metrics are written by the transaction that registers it (the database refuses late ones).
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri, artifact_digest, hyperparameters, features)
         SELECT 'bv-' || i,
                CASE WHEN i <= $3 THEN 'bm-1' ELSE 'bm-' || (2 + (i - $3 - 1) / $4) END,
                CASE WHEN i <= $3 THEN i ELSE 1 + (i - $3 - 1) % $4 END,
                '1.0.' || i, 1, 0, i, 'd1', 's3://bench/' || i, 'sha256:' || encode(sha256(i::text::bytea), 'hex'), '{"eta":0.1}', '[]'
         FROM generate_series($1::int, $2::int) AS i`,
        [from, to, options.bigModelVersions, perModel],
      );
      await client.query(
        `INSERT INTO metric (id, version_id, key, value, evaluation_set, slice)
         SELECT 'bme-' || i, 'bv-' || i, 'auc', 0.8 + (i % 1000) / 10000.0, 'default', '' FROM generate_series($1::int, $2::int) AS i`,
        [from, to],
      );
      await client.query('COMMIT');
      log(`  versions ${to.toLocaleString()} / ${options.versions.toLocaleString()}`);
    }
    await client.query(`UPDATE registered_model m SET next_version_number = COALESCE((SELECT max(number) + 1 FROM model_version v WHERE v.model_id = m.id), 1) WHERE id LIKE 'bm-%'`);
    // Spread the big model over the stages: most archived, a few in Staging, one in Production.
    await client.query(`UPDATE model_version SET stage = 'staging' WHERE model_id = 'bm-1' AND number > $1 - 20`, [options.bigModelVersions]);
    await client.query(`UPDATE model_version SET stage = 'archived' WHERE model_id = 'bm-1' AND number <= $1 - 40`, [options.bigModelVersions]);
    await client.query(`UPDATE model_version SET stage = 'production' WHERE model_id = 'bm-1' AND number = $1`, [options.bigModelVersions]);
    for (let from = 1; from <= options.events; from += batch * 5) {
      const to = Math.min(from + batch * 5 - 1, options.events);
      await client.query(
        `INSERT INTO audit_event (at, actor_id, actor_label, action, model_id, model_name, version_number, comment, data)
         SELECT now() - ((${options.events} - i) || ' seconds')::interval, $3, 'bench-owner@example.com', 'version.registered',
                'bm-' || (1 + i % $4), 'bench-model-' || (1 + i % $4), i, 'bench event ' || i, jsonb_build_object('i', i)
         FROM generate_series($1::int, $2::int) AS i`,
        [from, to, owner, options.models],
      );
      log(`  audit events ${to.toLocaleString()} / ${options.events.toLocaleString()}`);
    }
    // As pgbench does before it measures: the bulk load's clean-up (the stage UPDATEs leave 100,000s of dead rows, the
    // inserts trip autovacuum's insert threshold) done now, not by autovacuum in the middle of the timed sections.
    await client.query('VACUUM (ANALYZE)');
    return { bigModel: 'bench-model-1', seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
