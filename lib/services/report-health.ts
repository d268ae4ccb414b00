import { assertAllowed, healthPolicyOf, parsePolicy, RegistryError, type HealthPolicy } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { currentModelName } from '@/lib/db/queries/model-names';
import type { Actor } from './actor';
import { clock } from './clock';
import { rollbackModel } from './rollback-model';

export interface HealthReport {
  model: string;
  /** Defaults to the current Production version. */
  version?: number;
  healthy?: boolean;
  reason?: string;
  /** Metric samples, judged against the policy's health thresholds, e.g. { error_rate: 0.08 }. */
  metrics?: Record<string, number>;
}

/** The system actor that acts on health reports; the audit timeline shows it by this name. */
export const AUTOMATIC_ROLLBACK: Actor = { id: null, label: 'automatic rollback', role: 'admin' };

/** Whether a report is unhealthy, and why: explicitly, or by a metric outside the policy's bounds. */
export function judge(report: HealthReport, policy: HealthPolicy): { healthy: boolean; reason: string | null } {
  const breaches = policy.thresholds
    .filter((t) => report.metrics?.[t.metric] !== undefined)
    .filter((t) => (t.op === '<=' ? report.metrics![t.metric]! > t.value : report.metrics![t.metric]! < t.value))
    .map((t) => `${t.metric} ${report.metrics![t.metric]} (limit ${t.op} ${t.value})`);
  if (report.healthy === false) return { healthy: false, reason: report.reason ?? 'reported unhealthy' };
  if (breaches.length > 0) return { healthy: false, reason: breaches.join(', ') };
  return { healthy: true, reason: null };
}

/**
 * Records a health report for a version. Only reports sent with a serving token (one an admin created for
 * a serving system) count towards automatic rollback: when the Production version has had the policy's
 * number of such unhealthy reports in a row within its window, Modelgate rolls it back through the same
 * service as the Rollback button, as "automatic rollback". Anyone else allowed to report is recorded for
 * the record and ignored by the rule — so nobody can trigger a rollback, nor hold one off with healthy
 * reports, without a serving system's credential.
 */
export async function reportHealth(actor: Actor, input: HealthReport) {
  // Serving systems report under the name they load: a former name still reaches the renamed model.
  const report = { ...input, model: await currentModelName(input.model) };
  assertAllowed(actor, 'health.report', { model: report.model });
  const actedOn = actor.token?.kind === 'serving';
  const model = await db.registeredModel.findUnique({ where: { name: report.model }, select: { id: true, policy: { select: { gates: true } } } });
  if (!model) throw new RegistryError('NOT_FOUND', `No model named "${report.model}".`);
  const version = await db.modelVersion.findFirst({
    where: { modelId: model.id, ...(report.version ? { number: report.version } : { stage: 'production' }) },
    select: { id: true, number: true, stage: true },
  });
  if (!version) throw new RegistryError('NOT_FOUND', report.version ? `${report.model} has no version ${report.version}.` : `${report.model} has no version in Production.`);
  const policy = healthPolicyOf(parsePolicy(model.policy?.gates ?? undefined));
  const verdict = judge(report, policy);
  const firstMetric = Object.entries(report.metrics ?? {})[0];
  await db.healthSignal.create({
    data: {
      modelId: model.id,
      versionId: version.id,
      healthy: verdict.healthy,
      reason: verdict.reason,
      metric: firstMetric?.[0] ?? null,
      value: firstMetric?.[1] ?? null,
      countsForRollback: actedOn,
      reportedBy: actor.label,
    },
  });
  if (!actedOn || verdict.healthy || version.stage !== 'production') return { recorded: true, actedOn, healthy: verdict.healthy, rolledBack: false };

  const since = new Date(clock.now().getTime() - policy.windowMinutes * 60_000);
  const recent = await db.healthSignal.findMany({
    where: { modelId: model.id, versionId: version.id, countsForRollback: true, at: { gte: since } },
    orderBy: { id: 'desc' },
    take: policy.consecutiveUnhealthy,
    select: { healthy: true, reason: true },
  });
  const tripped = recent.length >= policy.consecutiveUnhealthy && recent.every((s) => !s.healthy);
  if (!tripped) return { recorded: true, actedOn, healthy: false, rolledBack: false, unhealthyInARow: countLeading(recent) };
  const reason = `${policy.consecutiveUnhealthy} unhealthy reports in a row within ${policy.windowMinutes} min: ${[...new Set(recent.map((s) => s.reason))].join('; ')}`;
  try {
    const result = await rollbackModel(AUTOMATIC_ROLLBACK, { model: report.model, reason, expectedVersion: version.number });
    return { recorded: true, actedOn, healthy: false, rolledBack: true, restored: result.restored.number };
  } catch (error) {
    // Another report (or a person) rolled back first, or there is nothing to roll back to: say so, don't fail the report.
    if (error instanceof RegistryError && (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION')) {
      return { recorded: true, actedOn, healthy: false, rolledBack: false, note: error.message };
    }
    throw error;
  }
}

function countLeading(signals: { healthy: boolean }[]): number {
  const index = signals.findIndex((s) => s.healthy);
  return index === -1 ? signals.length : index;
}
