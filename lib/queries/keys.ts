import type { Stage } from '@/lib/registry/stages';

/**
 * Every react-query key in the app, built here and nowhere else, so a mutation can invalidate exactly
 * what it changed (`versionKeys.model(name)` after a move) without guessing at string shapes.
 */
export const versionKeys = {
  all: ['versions'] as const,
  model: (model: string) => [...versionKeys.all, model] as const,
  stage: (model: string, stage: Stage) => [...versionKeys.model(model), stage] as const,
  /** Pages of one stage continuing after `startBefore` (null: from the newest). */
  stagePages: (model: string, stage: Stage, startBefore: number | null) => [...versionKeys.stage(model, stage), { startBefore }] as const,
};

export const boardKeys = {
  all: ['board'] as const,
  detail: (model: string) => [...boardKeys.all, model] as const,
};

export const requestKeys = {
  all: ['requests'] as const,
  pending: (model?: string) => [...requestKeys.all, 'pending', model ?? null] as const,
};

export const gateKeys = {
  all: ['gates'] as const,
  model: (model: string) => [...gateKeys.all, model] as const,
  preview: (model: string, number: number, target: 'staging' | 'production') => [...gateKeys.model(model), number, target] as const,
};

export const trendKeys = {
  all: ['trend'] as const,
  model: (model: string) => [...trendKeys.all, model] as const,
  /** One metric's line; `evaluationSet` null lets the server pick the most used set. */
  metric: (model: string, metric: string | null, evaluationSet: string | null) => [...trendKeys.model(model), { metric, evaluationSet }] as const,
};

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  tokens: () => [...adminKeys.all, 'tokens'] as const,
  policy: (model: string) => [...adminKeys.all, 'policy', model] as const,
  webhooks: () => [...adminKeys.all, 'webhooks'] as const,
  /** One webhook's delivery log; under `webhooks()`, so refreshing the list refreshes the open logs too. */
  deliveries: (webhookId: string) => [...adminKeys.webhooks(), webhookId, 'deliveries'] as const,
};

export const retentionKeys = {
  all: ['retention'] as const,
  model: (model: string) => [...retentionKeys.all, model] as const,
  /** The dry run of one rule (the editor's draft): equal drafts share an entry. */
  preview: (model: string, rule: object) => [...retentionKeys.model(model), rule] as const,
};

export const auditKeys = {
  all: ['audit'] as const,
  /** One filtered timeline; the filters object is the URL's query, so equal URLs share a cache entry. */
  list: (filters: Record<string, string>) => [...auditKeys.all, 'list', filters] as const,
  productionAt: (model: string, at: string) => [...auditKeys.all, 'production-at', model, at] as const,
};

export const cardKeys = {
  all: ['card-revisions'] as const,
  /** Every revision of one version's model card. */
  revisions: (model: string, number: number) => [...cardKeys.all, model, number] as const,
};

export const commentKeys = {
  all: ['comments'] as const,
  version: (model: string, number: number) => [...commentKeys.all, model, number] as const,
  people: (model: string, q: string) => [...commentKeys.all, 'people', model, q] as const,
};

export const portfolioKeys = {
  all: ['portfolio'] as const,
  /** What a bulk action would do now (never cached: a preview must be fresh). */
  preview: (body: string) => [...portfolioKeys.all, 'preview', body] as const,
  /** An operation's progress, followed by the Idempotency-Key it was sent with while the request runs. */
  progress: (idempotencyKey: string) => [...portfolioKeys.all, 'progress', idempotencyKey] as const,
};

export const settingsKeys = {
  all: ['settings'] as const,
  /** The signed-in person's e-mail notification choices. */
  notifications: () => [...settingsKeys.all, 'notifications'] as const,
};
