import { assertAllowed, assertSemverMovesForward, formatSemver, nextSemver, parseSemver, RegistryError, reservedVersionTagReason } from '@/lib/registry';
import { cardOutline, type CardSection } from '@/lib/registry/model-card';
import { db, type Tx } from '@/lib/db/prisma';
import { constraintOf, mapDbError, withDbErrors } from '@/lib/db/errors';
import { inTransaction } from '@/lib/db/transaction';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createHash, randomUUID } from 'node:crypto';
import { ZRegisterVersionInput, type RegisterVersionInput } from '@/lib/validations/version';
import type { Actor } from './actor';
import { auditStatementParts } from './audit';
import { clock } from './clock';
import {
  lockModelAndTakeNumber,
  readKnownState,
  readModelState,
  resolveParents,
  writeVersion,
  type KnownState,
  type ParentRecord,
  type VersionRow,
} from './internal/registration';
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
 * the model's row lock, so concurrent registrations queue instead of racing on MAX(number)+1. The same lock
 * makes the idempotency checks race-free: a retried pipeline step never creates two versions. A retry rolls
 * the increment back, so numbers stay without gaps.
 *
 * Two ways to the same rows. First, at once: what registration must know is read without a lock, decided
 * here, and written in one statement that takes the lock and the number only if the model's counter still
 * says nothing was registered since the read (modelgate_take_version_number) — two round trips and no
 * interactive transaction, the common case of one pipeline registering at a time. When another registration
 * came between, that statement writes nothing and the version is registered under the lock, deciding again
 * on what the lock's holder sees; for the next two seconds that model's registrations go to the locked path
 * at once (they are queuing on each other: c=4 on one model).
 */
export async function registerVersion(actor: Actor, rawInput: RegisterVersionInput, options: RegisterOptions = {}): Promise<RegisteredVersion> {
  const input = ZRegisterVersionInput.parse(rawInput);
  assertAllowed(actor, 'version.register', { model: input.model });
  for (const key of Object.keys(input.tags)) {
    const reason = reservedVersionTagReason(key, { viaMlflow: options.viaMlflow ?? false });
    if (reason) throw new RegistryError('INVALID_ARGUMENT', reason, { tag: key });
  }
  const explicitSemver = input.semver ? parseSemver(input.semver) : null;
  const plan: Plan = {
    explicitSemver,
    requestHash: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
    idempotencyKey: options.idempotencyKey && actor.id ? options.idempotencyKey : undefined,
    dedupeByDigest: options.dedupeByDigest ?? false,
    // Parsed once, here and outside the transaction (no lock or connection held meanwhile): gates read the result.
    cardSections: cardOutline(input.modelCard),
  };

  try {
    if (!contended(input.model)) {
      const atOnce = await registerAtOnce(actor, input, plan);
      if (atOnce) return atOnce;
      markContended(input.model);
    }
    return await inTransaction((tx) => registerUnderLock(tx, actor, input, plan));
  } catch (error) {
    if (!(error instanceof AlreadyRegistered)) throw error;
    const existing = await withDbErrors(() => db.modelVersion.findUniqueOrThrow({ where: { id: error.versionId }, include: versionRecordInclude }));
    return { ...existing, created: false };
  }
}

type Input = ReturnType<typeof ZRegisterVersionInput.parse>;

/**
 * Models whose registrations were just found queuing on each other (the one-statement path was refused), and
 * until when: meanwhile they go straight to the locked path instead of paying for an attempt that would most
 * likely be refused too. A hint of this process only — correctness is the database's either way.
 */
const contendedUntil = new Map<string, number>();
const CONTENDED_MS = 2_000;

function contended(model: string): boolean {
  const until = contendedUntil.get(model);
  if (until === undefined) return false;
  if (until > performance.now()) return true;
  contendedUntil.delete(model);
  return false;
}

function markContended(model: string): void {
  if (contendedUntil.size > 10_000) contendedUntil.clear();
  contendedUntil.set(model, performance.now() + CONTENDED_MS);
}

interface Plan {
  explicitSemver: ReturnType<typeof parseSemver> | null;
  requestHash: string;
  idempotencyKey?: string;
  dedupeByDigest: boolean;
  cardSections: CardSection[];
}

const knownArgs = (actor: Actor, input: Input, plan: Plan) => ({
  actorId: actor.id,
  idempotencyKey: plan.idempotencyKey,
  digest: plan.dedupeByDigest ? input.artifactDigest : undefined,
  semver: plan.explicitSemver ? { text: formatSemver(plan.explicitSemver), major: plan.explicitSemver.major, minor: plan.explicitSemver.minor } : undefined,
});

/** The one-statement path; null when another registration of the model came between its read and its write. */
async function registerAtOnce(actor: Actor, input: Input, plan: Plan): Promise<RegisteredVersion | null> {
  const now = clock.now();
  const state = await withDbErrors(() => readModelState(db, input.model, knownArgs(actor, input, plan)));
  if (!state) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
  const parents = await withDbErrors(() => resolveParents(db, input.parents));
  try {
    return await write(db, actor, input, plan, { model: state.model, known: state.known, parents, now, take: true });
  } catch (error) {
    if (constraintOf(error) === 'registration_state_changed') return null;
    throw mapDbError(error);
  }
}

/** The path under the model's row lock, taken (with the number) by the first statement. */
async function registerUnderLock(tx: Tx, actor: Actor, input: Input, plan: Plan): Promise<RegisteredVersion> {
  const now = clock.now();
  const model = await lockModelAndTakeNumber(tx, input.model, now);
  if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
  const known = await readKnownState(tx, { modelId: model.id, ...knownArgs(actor, input, plan) });
  const parents = await resolveParents(tx, input.parents);
  return write(tx, actor, input, plan, { model, known, parents, now, take: false });
}

interface Decided {
  model: { id: string; name: string; number: number };
  known: KnownState;
  parents: ParentRecord[];
  now: Date;
  /** Take the lock and the number in the write itself (registerAtOnce). */
  take: boolean;
}

/** Decides on what is known (idempotent replay, semver bump, clashes) and writes the version with its audit event. */
async function write(q: Parameters<typeof writeVersion>[0], actor: Actor, input: Input, plan: Plan, d: Decided): Promise<RegisteredVersion> {
  const { model, known, parents, now } = d;
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

  const version: VersionRow = {
    // The row is written with the rest in one statement, so its id is made here (new versions get UUIDs).
    id: randomUUID(),
    modelId: model.id,
    number: model.number,
    semver: semverText,
    major: semver.major,
    minor: semver.minor,
    patch: semver.patch,
    dataVersion: input.dataVersion,
    stage: 'testing',
    artifactUri: input.artifactUri,
    artifactDigest: input.artifactDigest ?? null,
    framework: input.framework ?? null,
    hyperparameters: input.hyperparameters as Prisma.JsonObject,
    features: input.features,
    trainingDataHash: input.trainingDataHash ?? null,
    trainingDataSource: input.trainingDataSource ?? null,
    codeCommit: input.codeCommit ?? null,
    trainingDurationSec: input.trainingDurationSec ?? null,
    trainingResources: (input.trainingResources as Prisma.JsonObject | undefined) ?? null,
    description: input.description,
    modelCard: input.modelCard,
    cardOutline: plan.cardSections as unknown as Prisma.JsonArray,
    changelog: input.changelog,
    migrationNotes: input.migrationNotes,
    environment: input.environment,
    modelSizeBytes: input.modelSizeBytes ?? null,
    createdById: actor.id,
    // Kept for the four-eyes rule: whoever created a service account's token counts as an author.
    createdViaTokenId: actor.token?.id ?? null,
    createdAt: now,
    stageChangedAt: now,
  };
  // The audit event goes in the same statement: one round trip for everything the version records.
  const audit = auditStatementParts(
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
  const written = await writeVersion(q, {
    row: version,
    metrics: input.metrics,
    tags: input.tags,
    parentIds: parents.map((p) => p.id),
    idempotency: plan.idempotencyKey && actor.id ? { actorId: actor.id, key: plan.idempotencyKey, requestHash: plan.requestHash } : undefined,
    alsoWrite: audit,
    take: d.take ? { at: now } : undefined,
  });
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
