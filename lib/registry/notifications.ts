import { z } from 'zod';
import { roleOn } from './access';
import { decisionDenial, type SeparationFacts } from './approvals';
import { can } from './permissions';
import type { Role } from './roles';

/*
 * Who is told what by e-mail. One rule, asked twice: when a change queues its messages (in the change's
 * transaction) and again when a message is about to be sent, on the facts of that moment — so someone who
 * lost the right to decide, was disabled or opted out after the message was queued gets nothing.
 */

/** The kinds of message a person can switch on and off (all on until they choose). */
export const NOTIFICATION_KINDS = ['newRequests', 'decisions', 'mentions', 'reminders'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { title: string; detail: string }> = {
  newRequests: { title: 'New requests I can decide', detail: 'A promotion or canary request is waiting for approvers, and you are one.' },
  decisions: { title: 'Decisions on my requests', detail: 'Your request was approved, rejected, deployed or cancelled.' },
  mentions: { title: 'Mentions', detail: 'Someone mentioned you in a comment on a version.' },
  reminders: { title: 'Reminders', detail: 'A request you can decide has waited longer than its policy allows.' },
};

export const ZNotificationPreferences = z
  .object({
    newRequests: z.boolean(),
    decisions: z.boolean(),
    mentions: z.boolean(),
    reminders: z.boolean(),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = { newRequests: true, decisions: true, mentions: true, reminders: true };

/** A person who might receive a message, as the database holds them now. */
export interface RecipientFacts {
  id: string;
  email: string;
  kind: 'person' | 'service';
  disabled: boolean;
  /** The global role. */
  role: Role;
  /** The role a per-model grant gives on the message's model, if any (it takes precedence there). */
  grantRole: Role | null;
  preferences: NotificationPreferences;
}

/** What a message is about, as far as choosing its recipients goes. */
export type NotificationSubject =
  /** A request waiting for approvers (a new one, or a reminder): anyone who may decide it. */
  | { kind: 'newRequests' | 'reminders'; model: string; separation: SeparationFacts; /** Approvers who already voted need no reminder. */ decidedBy?: readonly string[] }
  /** A decision on a request: its requester. */
  | { kind: 'decisions'; model: string; requesterId: string }
  /** A mention in a comment: the person mentioned, while the comment stands. */
  | { kind: 'mentions'; model: string; mentionedIds: readonly string[]; withdrawn?: boolean };

/**
 * Why `person` gets no message about `subject` (a sentence for logs and tests), or null when they get one.
 * `actorId` is whoever caused the message: nobody is told about what they did themselves.
 */
export function notificationDenial(person: RecipientFacts, subject: NotificationSubject, actorId: string | null): string | null {
  if (person.kind !== 'person') return 'service accounts receive no e-mail';
  if (person.disabled) return 'the account is disabled';
  if (!person.email.includes('@')) return 'no e-mail address';
  if (!person.preferences[subject.kind]) return `opted out of ${subject.kind}`;
  if (actorId !== null && person.id === actorId) return 'they did it themselves';
  const role = roleOn({ role: person.role, grants: person.grantRole ? { [subject.model]: person.grantRole } : {} }, subject.model);
  switch (subject.kind) {
    case 'newRequests':
    case 'reminders': {
      if (!can(role, 'request.decide')) return `cannot decide requests on ${subject.model}`;
      const denial = decisionDenial({ id: person.id, kind: person.kind }, subject.separation);
      if (denial) return denial.toLowerCase();
      if (subject.decidedBy?.includes(person.id)) return 'already decided';
      return null;
    }
    case 'decisions':
      if (person.id !== subject.requesterId) return 'not the requester';
      return can(role, 'registry.read') ? null : `cannot read ${subject.model}`;
    case 'mentions':
      if (subject.withdrawn) return 'the comment was withdrawn';
      if (!subject.mentionedIds.includes(person.id)) return 'not mentioned';
      return can(role, 'registry.read') ? null : `cannot read ${subject.model}`;
  }
}

/** The people among `candidates` who get a message about `subject`. */
export function notificationRecipients<T extends RecipientFacts>(candidates: readonly T[], subject: NotificationSubject, actorId: string | null): T[] {
  return candidates.filter((person) => notificationDenial(person, subject, actorId) === null);
}

/**
 * Which reminder round a request waiting since `createdAt` is in at `now` (round n is due n × the
 * interval after the request), or 0 before the first. One reminder is sent per round.
 */
export function reminderRound(createdAt: Date, now: Date, remindAfterHours: number): number {
  if (!(remindAfterHours > 0)) return 0;
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / (remindAfterHours * 3_600_000)));
}
