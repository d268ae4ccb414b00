import { describe, expect, it } from 'vitest';
import {
  chatText,
  DEFAULT_NOTIFICATION_PREFERENCES,
  notificationDenial,
  notificationRecipients,
  reminderRound,
  renderNotification,
  ZNotificationPreferences,
  type RecipientFacts,
  type SeparationFacts,
} from './index';

const person = (id: string, over: Partial<RecipientFacts> = {}): RecipientFacts => ({
  id,
  email: `${id}@example.com`,
  kind: 'person',
  disabled: false,
  role: 'approver',
  grantRole: null,
  preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES },
  ...over,
});
const separation: SeparationFacts = { requesterIds: ['req'], authorIds: ['author'], authorMayApprove: false };
const newRequest = { kind: 'newRequests' as const, model: 'fraud', separation };

describe('who is told of a new request', () => {
  it('tells everyone who may decide it, and nobody else', () => {
    const people = [
      person('approver'),
      person('admin', { role: 'admin' }),
      person('viewer', { role: 'viewer' }),
      person('scientist', { role: 'scientist' }),
      person('granted', { role: 'viewer', grantRole: 'approver' }),
      person('lowered', { role: 'approver', grantRole: 'viewer' }),
      person('req'),
      person('author'),
      person('service', { kind: 'service' }),
      person('disabled', { disabled: true }),
      person('optedOut', { preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES, newRequests: false } }),
    ];
    expect(notificationRecipients(people, newRequest, 'req').map((p) => p.id)).toEqual(['approver', 'admin', 'granted']);
  });

  it('says why someone is left out', () => {
    expect(notificationDenial(person('req'), newRequest, 'req')).toBe('they did it themselves');
    expect(notificationDenial(person('req'), newRequest, null)).toContain('you requested this');
    expect(notificationDenial(person('author'), newRequest, 'req')).toContain('registered this version');
    expect(notificationDenial(person('lowered', { grantRole: 'viewer' }), newRequest, 'req')).toBe('cannot decide requests on fraud');
    expect(notificationDenial(person('x', { email: '' }), newRequest, 'req')).toBe('no e-mail address');
  });

  it('includes the author when the policy lets authors approve', () => {
    expect(notificationDenial(person('author'), { ...newRequest, separation: { ...separation, authorMayApprove: true } }, 'req')).toBeNull();
  });

  it('reminds only approvers who have not decided yet, and only those who want reminders', () => {
    const reminder = { kind: 'reminders' as const, model: 'fraud', separation, decidedBy: ['a'] };
    expect(notificationRecipients([person('a'), person('b'), person('c', { preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES, reminders: false } })], reminder, null).map((p) => p.id)).toEqual(['b']);
  });
});

describe('who is told of a decision or a mention', () => {
  it('tells the requester of a decision, unless they made it', () => {
    const decision = { kind: 'decisions' as const, model: 'fraud', requesterId: 'req' };
    expect(notificationDenial(person('req', { role: 'scientist' }), decision, 'approver')).toBeNull();
    expect(notificationDenial(person('req'), decision, 'req')).toBe('they did it themselves');
    expect(notificationDenial(person('other'), decision, 'approver')).toBe('not the requester');
    expect(notificationDenial(person('req', { preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES, decisions: false } }), decision, 'approver')).toBe('opted out of decisions');
  });

  it('tells the people a standing comment mentions', () => {
    const mention = { kind: 'mentions' as const, model: 'fraud', mentionedIds: ['m'] };
    expect(notificationDenial(person('m', { role: 'viewer' }), mention, 'author')).toBeNull();
    expect(notificationDenial(person('n'), mention, 'author')).toBe('not mentioned');
    expect(notificationDenial(person('m'), { ...mention, withdrawn: true }, 'author')).toBe('the comment was withdrawn');
  });
});

describe('reminder rounds', () => {
  const at = new Date('2026-12-01T00:00:00Z');
  it('counts whole periods since the request', () => {
    expect(reminderRound(at, new Date('2026-12-01T23:59:00Z'), 24)).toBe(0);
    expect(reminderRound(at, new Date('2026-12-02T00:00:00Z'), 24)).toBe(1);
    expect(reminderRound(at, new Date('2026-12-03T05:00:00Z'), 24)).toBe(2);
    expect(reminderRound(at, new Date('2026-12-03T05:00:00Z'), 0)).toBe(0);
  });
});

describe('preferences', () => {
  it('takes the four switches and nothing else', () => {
    expect(ZNotificationPreferences.safeParse(DEFAULT_NOTIFICATION_PREFERENCES).success).toBe(true);
    expect(ZNotificationPreferences.safeParse({ ...DEFAULT_NOTIFICATION_PREFERENCES, sms: true }).success).toBe(false);
    expect(ZNotificationPreferences.safeParse({ ...DEFAULT_NOTIFICATION_PREFERENCES, mentions: 'yes' }).success).toBe(false);
  });
});

describe('message text', () => {
  const base = 'https://modelgate.example.com/';
  it('names the version and links to it', () => {
    const m = renderNotification({ type: 'new_request', model: 'fraud detector', version: 3, semver: '1.2.0', requestKind: 'production', requester: 'sam@example.com', comment: 'AUC up' }, base);
    expect(m.subject).toContain('fraud detector v3');
    expect(m.url).toBe('https://modelgate.example.com/models/fraud%20detector/versions/3');
    expect(m.text).toContain('fraud detector v3 (1.2.0)');
    expect(m.text).toContain(m.url);
    expect(m.text).toContain('> AUC up');
    expect(m.text).toContain('https://modelgate.example.com/settings/notifications');
  });

  it('says what was decided and by whom', () => {
    const m = renderNotification({ type: 'decision', action: 'promotion.rejected', model: 'fraud', version: 3, semver: '1.2.0', requestKind: 'production', actor: 'ana@example.com', comment: 'Too slow' }, base);
    expect(m.subject).toBe('[Modelgate] fraud v3 rejected');
    expect(m.text).toContain('was rejected by ana@example.com');
    expect(renderNotification({ type: 'decision', action: 'version.deployed', model: 'fraud', version: 3, semver: '1.2.0', requestKind: 'production', actor: 'x', comment: null }, base).text).toContain('is now in Production');
  });

  it('quotes a mention and counts a reminder’s hours', () => {
    expect(renderNotification({ type: 'mention', model: 'fraud', version: 3, semver: '1.2.0', author: 'ana@example.com', excerpt: 'look @b@example.com' }, base).subject).toContain('ana@example.com mentioned you');
    expect(renderNotification({ type: 'reminder', model: 'fraud', version: 3, semver: '1.2.0', requestKind: 'canary', requester: 'sam', comment: 'c', waitingHours: 48 }, base).text).toContain('waited 48 hours');
  });

  it('writes one chat line with model, version, stages, actor and link', () => {
    const text = chatText({ event: 'promotion.approved', actor: 'ana@example.com', model: 'fraud', version: 3, fromStage: 'staging', toStage: 'production', comment: 'ok\nship it' }, base);
    expect(text).toBe('Modelgate: `promotion.approved` on *fraud* v3 (Staging → Production) by ana@example.com — “ok ship it” https://modelgate.example.com/models/fraud/versions/3');
    expect(chatText({ event: 'audit.checkpointed', actor: 'system', model: null, version: null, fromStage: null, toStage: null, comment: null }, base)).toBe('Modelgate: `audit.checkpointed` on the registry by system');
  });
});
