import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { findRollbackTarget } from '@/lib/db/queries/rollback-target';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { EXPORTED_VERSION_SELECT, exportedVersion } from './internal/exported-version';

const VERSION_BATCH = 500;

/**
 * The registry's current state as one JSON document — models with their policy, metric definitions and
 * Production periods (which version served when), every version with its metadata, documentation, metrics,
 * tags, aliases and stage — for documentation and backup; `model` narrows it to one model.
 * Streamed model by model and a batch of versions at a time, so its size is not bounded by memory.
 */
export async function exportRegistry(actor: Actor, options: { model?: string } = {}): Promise<ReadableStream<Uint8Array>> {
  assertAllowed(actor, 'audit.export', 'global');
  const models = await db.registeredModel.findMany({ where: options.model ? { name: options.model } : {}, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  if (options.model && models.length === 0) throw new RegistryError('NOT_FOUND', `No model named "${options.model}".`);
  await db.$transaction((tx) =>
    recordAudit(tx, actor, { action: 'registry.exported', ...(options.model ? { model: models[0]!, data: { model: options.model } } : {}) }),
  );
  const encoder = new TextEncoder();
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
            productionPeriods: { orderBy: { startedAt: 'asc' }, select: { startedAt: true, endedAt: true, startedBy: true, endedReason: true, version: { select: { number: true } } } },
          },
        });
        const lastStable = await findRollbackTarget(db, ref.id, []);
        const header = JSON.stringify({
          ...model,
          owner: model.owner.email,
          lastStableVersion: lastStable?.number ?? null,
          aliases: model.aliases.map((a) => ({ alias: a.alias, version: a.version.number })),
          policy: model.policy?.gates ?? null,
          productionPeriods: model.productionPeriods.map(({ version, ...p }) => ({ version: version.number, ...p })),
        });
        controller.enqueue(encoder.encode(`${modelIndex > 0 ? ',' : ''}${header.slice(0, -1)},"versions":[`));
        versionCursor = 0;
        versionsWritten = 0;
      }
      const versions = await db.modelVersion.findMany({
        where: { modelId: ref.id, number: { gt: versionCursor } },
        orderBy: { number: 'asc' },
        take: VERSION_BATCH,
        select: EXPORTED_VERSION_SELECT,
      });
      const body = versions
        .map((v) => JSON.stringify(exportedVersion(v)))
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
