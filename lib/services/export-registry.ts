import { assertAllowed } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { findRollbackTarget } from '@/lib/db/queries/rollback-target';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

const VERSION_BATCH = 500;

/**
 * The registry's current state as one JSON document — models with their policy and metric definitions,
 * every version with its metadata, metrics, tags, aliases and stage — for documentation and backup.
 * Streamed model by model and a batch of versions at a time, so its size is not bounded by memory.
 */
export async function exportRegistry(actor: Actor): Promise<ReadableStream<Uint8Array>> {
  assertAllowed(actor, 'audit.export', 'global');
  await db.$transaction((tx) => recordAudit(tx, actor, { action: 'registry.exported' }));
  const encoder = new TextEncoder();
  const models = await db.registeredModel.findMany({ orderBy: { name: 'asc' }, select: { id: true } });
  let modelIndex = 0;
  let versionCursor: number | null = null;
  let versionsWritten = 0;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`{"exportedAt":${JSON.stringify(clock.now().toISOString())},"models":[`));
    },
    async pull(controller) {
      const ref = models[modelIndex];
      if (!ref) {
        controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      if (versionCursor === null) {
        const model = await db.registeredModel.findUniqueOrThrow({
          where: { id: ref.id },
          select: {
            name: true, description: true, tags: true, createdAt: true,
            owner: { select: { email: true } },
            metricDefinitions: { select: { key: true, direction: true, isPrimary: true, description: true } },
            policy: { select: { gates: true } },
            aliases: { select: { alias: true, version: { select: { number: true } } } },
          },
        });
        const lastStable = await findRollbackTarget(db, ref.id, []);
        const header = JSON.stringify({ ...model, owner: model.owner.email, lastStableVersion: lastStable?.number ?? null, aliases: model.aliases.map((a) => ({ alias: a.alias, version: a.version.number })), policy: model.policy?.gates ?? null });
        controller.enqueue(encoder.encode(`${modelIndex > 0 ? ',' : ''}${header.slice(0, -1)},"versions":[`));
        versionCursor = 0;
        versionsWritten = 0;
      }
      const versions = await db.modelVersion.findMany({
        where: { modelId: ref.id, number: { gt: versionCursor } },
        orderBy: { number: 'asc' },
        take: VERSION_BATCH,
        select: {
          number: true, semver: true, stage: true, dataVersion: true, artifactUri: true, artifactDigest: true, framework: true,
          hyperparameters: true, features: true, trainingDataHash: true, trainingDataSource: true, codeCommit: true,
          trainingDurationSec: true, trainingResources: true, description: true, modelCard: true, createdAt: true, stageChangedAt: true,
          metrics: { select: { key: true, value: true, evaluationSet: true, slice: true } },
          tags: { select: { key: true, value: true } },
          parents: { select: { parent: { select: { number: true, model: { select: { name: true } } } } } },
          createdBy: { select: { email: true } },
        },
      });
      const body = versions
        .map(({ parents, createdBy, ...v }) => JSON.stringify({ ...v, createdBy: createdBy?.email ?? null, parents: parents.map((p) => ({ model: p.parent.model.name, version: p.parent.number })) }))
        .join(',');
      if (body) controller.enqueue(encoder.encode(`${versionsWritten > 0 ? ',' : ''}${body}`));
      versionsWritten += versions.length;
      if (versions.length < VERSION_BATCH) {
        controller.enqueue(encoder.encode(']}'));
        modelIndex += 1;
        versionCursor = null;
      } else {
        versionCursor = versions[versions.length - 1]!.number;
      }
    },
  });
}
