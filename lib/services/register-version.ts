import { assertAllowed, assertSemverMovesForward, formatSemver, nextSemver, parseSemver, RegistryError, reservedVersionTagReason } from '@/lib/registry';
import { cardOutline, type CardSection } from '@/lib/registry/model-card';
import { db, type Tx } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import { inTransaction } from '@/lib/db/transaction';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createHash } from 'node:crypto';
import { ZRegisterVersionInput, type RegisterVersionInput } from '@/lib/validations/version';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { insertVersionChildren, lockModelAndTakeNumber, readKnownState, resolveParents } from './internal/registration';
import { versionRecordInclude, type VersionRecord } from './internal/version-record';

export interface RegisterOptions {
  /** A retried request with the same key (per caller) returns the version the first one created. */
  idempotencyKey?: string;
  /** Return the existing version when one with the same artifact digest is already registered. */
  dedupeByDigest?: boolean;
  /** The MLflow adapter registers for MLflow's client, which sets its own `mlflow.*` tags. */
  viaMlflow?: boolean;
}

/** The version's whole record, and whether this call created it (false: an earlier request did). */
export type RegisteredVersion = VersionRecord & { created: boolean };

/** Thrown to roll the transaction back when the version already exists, so no number is consumed. */
class AlreadyRegistered extends Error {
  constructor(readonly versionId: string) {
    super('already registered');
  }
}

/**
 * Registers a version in Testing. The version number comes from the model's counter, incremented under
 * the model's row lock (taken by that same increment), so concurrent registrations queue instead of
 * racing on MAX(number)+1. The same lock makes the idempotency checks race-free: a retried pipeline step
 * never creates two versions. A retry rolls the increment back, so numbers stay without gaps.
 */
export async function registerVersion(actor: Actor, rawInput: RegisterVersionInput, options: RegisterOptions = {}): Promise<RegisteredVersion> {
  const input = ZRegisterVersionInput.parse(rawInput);
  assertAllowed(actor, 'version.register', { model: input.model });
  for (const key of Object.keys(input.tags)) {
    const reason = reservedVersionTagReason(key, { viaMlflow: options.viaMlflow ?? false });
    if (reason) throw new RegistryError('INVALID_ARGUMENT', reason, { tag: key });
  }
  const explicitSemver = input.semver ? parseSemver(input.semver) : null;
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const idempotencyKey = options.idempotencyKey && actor.id ? options.idempotencyKey : undefined;
  // Parsed once, here and outside the transaction (no lock or connection held meanwhile): gates read the result.
  const cardSections = cardOutline(input.modelCard);

  try {
    return await inTransaction((tx) => register(tx, actor, input, { explicitSemver, requestHash, idempotencyKey, dedupeByDigest: options.dedupeByDigest ?? false, cardSections }));
  } catch (error) {
    if (!(error instanceof AlreadyRegistered)) throw error;
    const existing = await withDbErrors(() => db.modelVersion.findUniqueOrThrow({ where: { id: error.versionId }, include: versionRecordInclude }));
    return { ...existing, created: false };
  }
}

interface Plan {
  explicitSemver: ReturnType<typeof parseSemver> | null;
  requestHash: string;
  idempotencyKey?: string;
  dedupeByDigest: boolean;
  cardSections: CardSection[];
}

async function register(tx: Tx, actor: Actor, input: ReturnType<typeof ZRegisterVersionInput.parse>, plan: Plan): Promise<RegisteredVersion> {
  const now = clock.now();
  const model = await lockModelAndTakeNumber(tx, input.model, now);
  if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);

  const known = await readKnownState(tx, {
    modelId: model.id,
    actorId: actor.id,
    idempotencyKey: plan.idempotencyKey,
    digest: plan.dedupeByDigest ? input.artifactDigest : undefined,
    semver: plan.explicitSemver ? { text: formatSemver(plan.explicitSemver), major: plan.explicitSemver.major, minor: plan.explicitSemver.minor } : undefined,
  });
  if (known.idempotent && known.idempotent.requestHash !== plan.requestHash) {
    throw new RegistryError('CONFLICT', 'This Idempotency-Key was already used for a different request.');
  }
  const existingId = known.idempotent?.versionId ?? known.sameDigest;
  if (existingId) throw new AlreadyRegistered(existingId);

  let semver = plan.explicitSemver;
  let bumpReason: string = 'explicit';
  if (!semver) {
    const next = nextSemver(known.latest && { semver: known.latest, dataVersion: known.latest.dataVersion, features: known.latest.features }, input);
    semver = next.semver;
    bumpReason = next.reason;
  }
  const semverText = formatSemver(semver);
  if (known.clash !== null) throw new RegistryError('CONFLICT', `Version ${semverText} of ${model.name} already exists (number ${known.clash}).`);
  if (plan.explicitSemver) assertSemverMovesForward(semver, known.latest, known.linePatch);

  const parents = await resolveParents(tx, input.parents);
  const version = await tx.modelVersion.create({
    data: {
      modelId: model.id,
      number: model.number,
      semver: semverText,
      ...semver,
      dataVersion: input.dataVersion,
      artifactUri: input.artifactUri,
      artifactDigest: input.artifactDigest ?? null,
      framework: input.framework ?? null,
      hyperparameters: input.hyperparameters as Prisma.InputJsonObject,
      features: input.features,
      trainingDataHash: input.trainingDataHash ?? null,
      trainingDataSource: input.trainingDataSource ?? null,
      codeCommit: input.codeCommit ?? null,
      trainingDurationSec: input.trainingDurationSec ?? null,
      trainingResources: (input.trainingResources as Prisma.InputJsonObject | undefined) ?? undefined,
      description: input.description,
      modelCard: input.modelCard,
      cardOutline: plan.cardSections as unknown as Prisma.InputJsonArray,
      createdById: actor.id,
      // Kept for the four-eyes rule: whoever created a service account's token counts as an author.
      createdViaTokenId: actor.token?.id ?? null,
      createdAt: now,
      stageChangedAt: now,
    },
  });
  const written = await insertVersionChildren(tx, {
    versionId: version.id,
    modelId: model.id,
    metrics: input.metrics,
    tags: input.tags,
    parentIds: parents.map((p) => p.id),
    idempotency: plan.idempotencyKey && actor.id ? { actorId: actor.id, key: plan.idempotencyKey, requestHash: plan.requestHash } : undefined,
  });

  await recordAudit(
    tx,
    actor,
    {
      action: 'version.registered',
      model,
      version,
      toStage: 'testing',
      comment: input.description || null,
      // Where the artifact is and the tags it came with: the record of what was registered (MLflow webhooks send them too).
      data: { semver: semverText, bump: bumpReason, artifactUri: input.artifactUri, artifactDigest: version.artifactDigest, metrics: input.metrics.length, tags: input.tags },
    },
    { modelActivityStamped: true },
  );
  return {
    ...version,
    created: true,
    model: { name: model.name },
    ...written,
    // Nothing can point an alias at a version before its transaction commits.
    aliases: [],
    parents: parents.map(({ number, model: parentModel }) => ({ parent: { number, model: parentModel } })),
    createdBy: version.createdById && known.createdBy !== null ? { email: known.createdBy } : null,
  };
}
