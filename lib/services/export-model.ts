import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { EXPORTED_VERSION_SELECT, exportedVersion } from './internal/exported-version';
import { modelAuditCsv, modelAuditRows, type AuditExportRow } from './export-audit';

/** How to check the events of a bundle, printed into it and onto the dossier. */
export const VERIFY_INSTRUCTIONS = [
  'Each event carries its chain (chain_key "model:<model id>"), its place in it (chain_seq), the hash of the event before it (prev_hash) and its own hash.',
  'hash = sha256(prev_hash || canonical), where canonical is the exact text that was hashed (the "canonical" field); the first event of a chain has a prev_hash of 64 zeros.',
  'Recompute them offline with `npm run audit:verify -- <model>-events.ndjson` (the bundle\'s NDJSON part; exit code 0 means intact), or for the whole log in the app under Admin → Verify audit log.',
];

export interface ModelBundle {
  exportedAt: string;
  model: Record<string, unknown>;
  versions: Record<string, unknown>[];
  productionPeriods: { version: number; startedAt: string; endedAt: string | null; startedBy: string; endedReason: string | null }[];
  auditEvents: AuditExportRow[];
  verification: string[];
}

/**
 * One model's history for an auditor: the model and every version (documentation, facts, metrics, lineage),
 * which version held Production when, and every event about it with its hash chain. Everything in it is
 * what a reader of the model already sees (`registry.read`), and the export is itself audited.
 */
export async function exportModel(actor: Actor, modelName: string): Promise<{ bundle: ModelBundle; csv: string; ndjson: string }> {
  assertAllowed(actor, 'registry.read', { model: modelName });
  const model = await db.registeredModel.findUnique({
    where: { name: modelName },
    select: {
      id: true, name: true, description: true, tags: true, createdAt: true,
      owner: { select: { email: true } },
      policy: { select: { gates: true } },
      metricDefinitions: { select: { key: true, direction: true, isPrimary: true, description: true }, orderBy: { key: 'asc' } },
      aliases: { select: { alias: true, version: { select: { number: true } } }, orderBy: { alias: 'asc' } },
      formerNames: { select: { oldName: true } },
    },
  });
  if (!model) throw new RegistryError('NOT_FOUND', `No model named "${modelName}".`);
  await db.$transaction((tx) => recordAudit(tx, actor, { action: 'model.exported', model: { id: model.id, name: model.name } }));

  const [versions, periods, events] = await Promise.all([
    db.modelVersion.findMany({
      where: { modelId: model.id },
      orderBy: { number: 'asc' },
      select: { ...EXPORTED_VERSION_SELECT, _count: { select: { cardRevisions: true } } },
    }),
    db.productionPeriod.findMany({ where: { modelId: model.id }, orderBy: { startedAt: 'asc' }, include: { version: { select: { number: true } } } }),
    modelAuditRows(model.id),
  ]);
  const bundle: ModelBundle = {
    exportedAt: clock.now().toISOString(),
    model: {
      ...model,
      owner: model.owner.email,
      policy: model.policy?.gates ?? null,
      aliases: model.aliases.map((a) => ({ alias: a.alias, version: a.version.number })),
      formerNames: model.formerNames.map((f) => f.oldName),
    },
    versions: versions.map(({ _count, ...v }) => ({ ...exportedVersion(v), cardRevisions: Math.max(_count.cardRevisions, 1) })),
    productionPeriods: periods.map((p) => ({
      version: p.version.number,
      startedAt: p.startedAt.toISOString(),
      endedAt: p.endedAt?.toISOString() ?? null,
      startedBy: p.startedBy,
      endedReason: p.endedReason,
    })),
    auditEvents: events,
    verification: VERIFY_INSTRUCTIONS,
  };
  return { bundle, csv: await modelAuditCsv(model.id), ndjson: events.map((e) => `${JSON.stringify(e)}\n`).join('') };
}
