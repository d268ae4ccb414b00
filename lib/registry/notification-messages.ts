import { STAGE_LABELS, type Stage } from './stages';

/*
 * The words of every notification: the e-mails and the chat webhooks' one line. Each names the model and
 * the version and links to the version's page, so the reader lands where they can act.
 */

type RequestKind = 'production' | 'canary';

export type NotificationMessageInput =
  | { type: 'new_request'; model: string; version: number; semver: string; requestKind: RequestKind; requester: string; comment: string }
  | { type: 'reminder'; model: string; version: number; semver: string; requestKind: RequestKind; requester: string; comment: string; waitingHours: number }
  | { type: 'decision'; action: DecisionAction; model: string; version: number; semver: string; requestKind: RequestKind; actor: string; comment: string | null }
  | { type: 'mention'; model: string; version: number; semver: string; author: string; excerpt: string };

/** The audit actions whose requester hears of them. */
export const DECISION_ACTIONS = [
  'promotion.approved',
  'promotion.rejected',
  'promotion.cancelled',
  'canary.approved',
  'canary.rejected',
  'canary.cancelled',
  'version.deployed',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export function isDecisionAction(action: string): action is DecisionAction {
  return (DECISION_ACTIONS as readonly string[]).includes(action);
}

export interface NotificationMessage {
  subject: string;
  text: string;
  /** Where the message sends its reader. */
  url: string;
}

/** The page of one version, on the app's public address. */
export function versionUrl(baseUrl: string, model: string, version: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/models/${encodeURIComponent(model)}/versions/${version}`;
}

const requestNoun = (kind: RequestKind) => (kind === 'canary' ? 'canary request' : 'promotion to Production');

const DECISION_WORDS: Record<DecisionAction, string> = {
  'promotion.approved': 'approved',
  'promotion.rejected': 'rejected',
  'promotion.cancelled': 'cancelled',
  'canary.approved': 'approved',
  'canary.rejected': 'rejected',
  'canary.cancelled': 'cancelled',
  'version.deployed': 'deployed to Production',
};

const quote = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** The subject and plain-text body of one e-mail. */
export function renderNotification(input: NotificationMessageInput, baseUrl: string): NotificationMessage {
  const url = versionUrl(baseUrl, input.model, input.version);
  const name = `${input.model} v${input.version} (${input.semver})`;
  const footer = `\n\nOpen it: ${url}\n\nYou receive this because of your notification settings: ${baseUrl.replace(/\/+$/, '')}/settings/notifications`;
  switch (input.type) {
    case 'new_request':
      return {
        subject: `[Modelgate] ${input.model} v${input.version}: ${requestNoun(input.requestKind)} waits for your decision`,
        text: `${input.requester} requested the ${requestNoun(input.requestKind)} of ${name}, and you can decide it.\n\n${quote(input.comment)}${footer}`,
        url,
      };
    case 'reminder':
      return {
        subject: `[Modelgate] Reminder: ${input.model} v${input.version} has waited ${input.waitingHours} h for a decision`,
        text: `The ${requestNoun(input.requestKind)} of ${name}, requested by ${input.requester}, has waited ${input.waitingHours} hours and is still open.\n\n${quote(input.comment)}${footer}`,
        url,
      };
    case 'decision': {
      const word = DECISION_WORDS[input.action];
      const what = input.action === 'version.deployed' ? `${name} is now in Production` : `Your ${requestNoun(input.requestKind)} of ${name} was ${word} by ${input.actor}`;
      return {
        subject: `[Modelgate] ${input.model} v${input.version} ${word}`,
        text: `${what}.${input.comment ? `\n\n${quote(input.comment)}` : ''}${footer}`,
        url,
      };
    }
    case 'mention':
      return {
        subject: `[Modelgate] ${input.author} mentioned you on ${input.model} v${input.version}`,
        text: `${input.author} mentioned you in a comment on ${name}:\n\n${quote(input.excerpt)}${footer}`,
        url,
      };
  }
}

/** What a chat webhook receives for one audit event (the webhook payload's fields). */
export interface ChatEvent {
  event: string;
  actor: string;
  model: string | null;
  version: number | null;
  fromStage: string | null;
  toStage: string | null;
  comment: string | null;
}

const stageLabel = (stage: string | null) => (stage && stage in STAGE_LABELS ? STAGE_LABELS[stage as Stage] : stage);

/**
 * One line of markdown for Slack and Microsoft Teams incoming webhooks (both accept `{ "text": … }`):
 * the event, the model and version, the stage move, who did it, and a link to the version.
 */
export function chatText(event: ChatEvent, baseUrl: string): string {
  const subject = event.model ? `*${event.model}*${event.version !== null ? ` v${event.version}` : ''}` : 'the registry';
  const move = event.fromStage || event.toStage ? ` (${stageLabel(event.fromStage) ?? '–'} → ${stageLabel(event.toStage) ?? '–'})` : '';
  const comment = event.comment ? ` — “${event.comment.trim().replace(/\s+/g, ' ').slice(0, 200)}”` : '';
  const link = event.model ? (event.version !== null ? versionUrl(baseUrl, event.model, event.version) : `${baseUrl.replace(/\/+$/, '')}/models/${encodeURIComponent(event.model)}`) : null;
  return `Modelgate: \`${event.event}\` on ${subject}${move} by ${event.actor}${comment}${link ? ` ${link}` : ''}`;
}
