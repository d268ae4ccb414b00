import {
  Archive, ArrowDownLeft, ArrowUpRight, Ban, CheckCircle2, CircleSlash, Download, FilePlus2, FileText, KeyRound, type LucideIcon,
  PackagePlus, Pencil, RotateCcw, Rocket, Send, ShieldCheck, SlidersHorizontal, Undo2, UserCog, UserPlus, Users, XCircle,
  BookmarkPlus, BookmarkX, FileX, Link2, PackageX, PencilLine, Tag, TagIcon, Unlink, MessageSquare, MessageSquareDashed, MessageSquareText, Layers, Bell, BellRing,
} from 'lucide-react';
import { formatNumber, type AuditAction } from '@/lib/registry';
import type { AuditEventView } from '@/lib/db/queries/audit';

interface EventRenderer {
  icon: LucideIcon;
  /** What happened, as a sentence fragment after the actor: "promoted v12 to Staging". */
  describe: (event: AuditEventView) => string;
}

const v = (e: AuditEventView) => (e.version ? `v${e.version}` : 'a version');
const str = (e: AuditEventView, key: string): string | null => {
  const value = (e.data as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? formatNumber(value) : null;
};

const approvers = (e: AuditEventView): string => {
  const names = (e.data as { approvedBy?: unknown } | null)?.approvedBy;
  return Array.isArray(names) && names.length > 0 ? names.map(String).join(', ') : 'no approver: the policy needs none';
};

const FIELD_NAMES: Record<string, string> = { description: 'description', modelCard: 'model card', changelog: 'changelog', migrationNotes: 'migration notes' };

/** ": model card, changelog" — the fields an edit changed (older events recorded one `field`). */
const editedFields = (e: AuditEventView): string => {
  const data = e.data as { fields?: unknown; field?: unknown } | null;
  const fields = Array.isArray(data?.fields) ? data.fields.map(String) : typeof data?.field === 'string' ? [data.field] : [];
  return fields.length > 0 ? `: ${fields.map((f) => FIELD_NAMES[f] ?? f).join(', ')}` : '';
};

/** One icon and one sentence per kind of event; the timeline renders every event through this map. */
export const EVENT_RENDERERS: Record<AuditAction, EventRenderer> = {
  'model.created': { icon: PackagePlus, describe: (e) => `registered the model ${e.model}` },
  'model.updated': { icon: Pencil, describe: (e) => (str(e, 'field') === 'owner' ? `handed ${e.model} from ${str(e, 'before') ?? '?'} to ${str(e, 'after') ?? '?'}` : `edited the model ${e.model}`) },
  'portfolio.applied': { icon: Layers, describe: (e) => `applied a bulk ${str(e, 'type') ?? 'action'}: ${str(e, 'changed') ?? '0'} changed, ${str(e, 'unchanged') ?? '0'} unchanged, ${str(e, 'refused') ?? '0'} refused` },
  'version.registered': { icon: FilePlus2, describe: (e) => `registered ${v(e)}${str(e, 'semver') ? ` (${str(e, 'semver')})` : ''}` },
  'version.updated': { icon: FileText, describe: (e) => `edited ${v(e)}${editedFields(e)}` },
  'version.promoted': { icon: ArrowUpRight, describe: (e) => `promoted ${v(e)} to Staging` },
  'version.demoted': { icon: ArrowDownLeft, describe: (e) => `moved ${v(e)} back to Testing` },
  'version.archived': { icon: Archive, describe: (e) => `archived ${v(e)}${retention(e)}` },
  'version.restored': { icon: Undo2, describe: (e) => `restored ${v(e)} to Testing` },
  'promotion.requested': { icon: Send, describe: (e) => `requested Production for ${v(e)}` },
  'promotion.approved': { icon: CheckCircle2, describe: (e) => `approved the promotion of ${v(e)}${str(e, 'approvals') ? ` (${str(e, 'approvals')}/${str(e, 'required')})` : ''}` },
  'promotion.rejected': { icon: XCircle, describe: (e) => `rejected the promotion of ${v(e)}` },
  'promotion.cancelled': { icon: CircleSlash, describe: (e) => `cancelled the request for ${v(e)}` },
  'canary.requested': { icon: Send, describe: (e) => `requested a ${str(e, 'weight') ?? '?'}% canary share for ${v(e)}` },
  'canary.approved': { icon: CheckCircle2, describe: (e) => `approved the canary share of ${v(e)}${str(e, 'approvals') ? ` (${str(e, 'approvals')}/${str(e, 'required')})` : ''}` },
  'canary.rejected': { icon: XCircle, describe: (e) => `rejected the canary share of ${v(e)}` },
  'canary.cancelled': { icon: CircleSlash, describe: (e) => `cancelled the canary request for ${v(e)}` },
  'version.deployed': { icon: Rocket, describe: (e) => `put ${v(e)} into Production${str(e, 'replacedVersion') ? `, replacing v${str(e, 'replacedVersion')}` : ''}` },
  'model.rolled_back': { icon: RotateCcw, describe: (e) => `rolled back: v${str(e, 'restoredVersion') ?? '?'} is in Production again, ${v(e)} tagged failed` },
  'traffic.updated': { icon: SlidersHorizontal, describe: (e) => (str(e, 'canary') ? `started the canary ${v(e)} at ${str(e, 'weight')}% (approved by ${approvers(e)}): ${str(e, 'summary') ?? ''}` : `split traffic: ${str(e, 'summary') ?? ''}`) },
  'user.created': { icon: UserPlus, describe: (e) => `created the ${str(e, 'kind') === 'service' ? 'service account' : 'user'} ${str(e, 'email') ?? ''} as ${str(e, 'role') ?? ''}${str(e, 'via') ? ` (${str(e, 'via')})` : ''}` },
  'user.sso_linked': { icon: Link2, describe: (e) => `linked single sign-on at ${str(e, 'issuer') ?? 'the provider'} to ${str(e, 'email') ?? 'a user'}` },
  'user.updated': { icon: UserCog, describe: (e) => `changed the user ${str(e, 'email') ?? ''}` },
  'grant.set': { icon: Users, describe: (e) => `gave ${str(e, 'email') ?? 'a user'} the ${str(e, 'role') ?? ''} role on ${e.model}` },
  'grant.removed': { icon: Ban, describe: (e) => `removed a user's role on ${e.model}` },
  'token.created': { icon: KeyRound, describe: (e) => `created the ${str(e, 'kind') === 'serving' ? 'serving' : 'API'} token "${str(e, 'name') ?? ''}"${str(e, 'kind') === 'serving' ? '' : ` (${str(e, 'role') ?? ''})`}${str(e, 'serviceAccount') ? ` for the service account ${str(e, 'serviceAccount')}` : ''}` },
  'token.revoked': { icon: Ban, describe: (e) => `revoked the API token "${str(e, 'name') ?? ''}"` },
  'webhook.created': { icon: Send, describe: (e) => `added a webhook to ${str(e, 'url') ?? ''}` },
  'webhook.deleted': { icon: Ban, describe: (e) => `removed the webhook to ${str(e, 'url') ?? ''}` },
  'webhook.updated': { icon: Send, describe: (e) => `changed the webhook ${str(e, 'name') ?? ''} to ${str(e, 'url') ?? ''}` },
  'policy.updated': { icon: SlidersHorizontal, describe: (e) => `changed the promotion policy of ${e.model}` },
  'audit.exported': { icon: Download, describe: (e) => `exported the audit history as ${str(e, 'format')?.toUpperCase() ?? ''}` },
  'registry.exported': { icon: Download, describe: (e) => (e.model ? `exported the registry state of ${e.model}` : 'exported the registry state') },
  'model.exported': { icon: Download, describe: (e) => `exported the history of ${e.model}` },
  'audit.verified': { icon: ShieldCheck, describe: (e) => `verified the audit log: ${(e.data as { ok?: boolean } | null)?.ok ? 'intact' : 'BROKEN'}` },
  'audit.checkpointed': { icon: ShieldCheck, describe: (e) => `signed a checkpoint of ${(e.data as { checkpoint?: { heads?: unknown[] } } | null)?.checkpoint?.heads?.length ?? 0} audit chains` },
  'model.renamed': { icon: PencilLine, describe: (e) => `renamed the model ${str(e, 'from') ?? ''} to ${str(e, 'to') ?? e.model ?? ''}${str(e, 'redirect') ? `; ${str(e, 'redirect')} keeps resolving to it` : ''}` },
  'model.redirect_removed': { icon: Unlink, describe: (e) => `removed the redirect from ${str(e, 'from') ?? 'a former name'}: it no longer resolves to ${e.model}` },
  'model.deleted': { icon: PackageX, describe: (e) => `deleted the model ${e.model}` },
  'model.tag_set': { icon: Tag, describe: (e) => `tagged ${e.model} ${str(e, 'key') ?? ''}${str(e, 'value') ? `=${str(e, 'value')}` : ''}` },
  'model.tag_deleted': { icon: TagIcon, describe: (e) => `removed the tag ${str(e, 'key') ?? ''} from ${e.model}` },
  'version.deleted': { icon: FileX, describe: (e) => `deleted ${v(e)}` },
  'version.tag_set': { icon: Tag, describe: (e) => `tagged ${v(e)} ${str(e, 'key') ?? ''}${str(e, 'value') ? `=${str(e, 'value')}` : ''}` },
  'version.tag_deleted': { icon: TagIcon, describe: (e) => `removed the tag ${str(e, 'key') ?? ''} from ${v(e)}` },
  'alias.set': { icon: BookmarkPlus, describe: (e) => `pointed the alias @${str(e, 'alias') ?? ''} at ${v(e)}` },
  'alias.deleted': { icon: BookmarkX, describe: (e) => `removed the alias @${str(e, 'alias') ?? ''}` },
  'comment.added': { icon: MessageSquare, describe: (e) => `commented on ${v(e)}${mentioned(e)}` },
  'comment.edited': { icon: MessageSquareText, describe: (e) => `edited a comment on ${v(e)}` },
  'comment.withdrawn': { icon: MessageSquareDashed, describe: (e) => `withdrew ${(e.data as { byAuthor?: boolean } | null)?.byAuthor === false ? "another person's" : 'a'} comment on ${v(e)}` },
  'notifications.preferences_updated': { icon: Bell, describe: () => 'changed which e-mail notifications they receive' },
  'request.reminded': { icon: BellRing, describe: (e) => `reminded ${str(e, 'recipients') ?? 'the'} approver(s) of the open request for ${v(e)}` },
};

/** "retention rule archived v3 on its scheduled pass": an archive the policy made, not a person. */
function retention(e: AuditEventView): string {
  const rule = (e.data as { retention?: { runBy?: unknown } } | null)?.retention;
  if (!rule) return '';
  return typeof rule.runBy === 'string' && rule.runBy ? ` when ${rule.runBy} ran it now` : ' on its scheduled pass';
}

function mentioned(e: AuditEventView): string {
  const mentions = (e.data as { mentions?: unknown } | null)?.mentions;
  return Array.isArray(mentions) && mentions.length > 0 ? `, mentioning ${mentions.map(String).join(', ')}` : '';
}

export function rendererFor(action: string): EventRenderer {
  return EVENT_RENDERERS[action as AuditAction] ?? { icon: FileText, describe: () => action };
}
