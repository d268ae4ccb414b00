'use client';

import { useMemo, useState } from 'react';
import { Eye, RotateCcw, Save } from 'lucide-react';
import { DEFAULT_POLICY, ZRetentionRule, type Policy, type RetentionRule } from '@/lib/registry';
import { usePolicyPreview, useSavePolicy } from '@/lib/queries/use-policy';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SectionCard } from '@/components/ui/card';
import { ApproverRules } from './approver-rules';
import { PolicyPreview } from './policy-preview';
import { samePolicy, STAGES, stripKeys, toDraft, validateDraft, type DraftPolicy } from './policy-draft';
import { ProtectedAliases } from './protected-aliases';
import { RetentionRuleSection, type DraftRetention } from './retention-rule';
import { ReminderRules } from './reminder-rules';
import { StageGates } from './stage-gates';

interface PolicyEditorProps {
  model: string;
  saved: Policy;
  isDefault: boolean;
  /** When `saved` was saved (null: the default); a save by someone else since then is refused. */
  savedAt: string | null;
}

/** Edit a model's gates per target stage, see what the draft would decide for today's versions, save it. */
export function PolicyEditor({ model, saved, isDefault, savedAt }: PolicyEditorProps) {
  const [draft, setDraft] = useState<DraftPolicy>(() => toDraft(saved));
  const preview = usePolicyPreview(model);
  const save = useSavePolicy(model);
  const [previewed, setPreviewed] = useState<Policy | null>(null);

  const current = useMemo(() => stripKeys(draft), [draft]);
  const validation = useMemo(() => validateDraft(draft), [draft]);
  const dirty = !samePolicy(current, saved);
  const errorCount = validation.errors ? Object.keys(validation.errors).length : 0;
  // The retention dry run needs only its own rule to be valid, not the whole draft.
  const retention = useMemo(() => {
    const parsed = ZRetentionRule.safeParse(draft.other.retention);
    return parsed.success ? parsed.data : null;
  }, [draft.other.retention]);
  const setRetention = (rule: DraftRetention) =>
    // Off: null removes a saved rule; with none saved, leaving the key out keeps the policy unchanged.
    setDraft((d) => ({ ...d, other: { ...d.other, retention: rule === null ? (saved.retention ? null : undefined) : (rule as RetentionRule) } }));

  const runPreview = () => {
    if (!validation.policy) return;
    const policy = validation.policy;
    preview.mutate(policy, { onSuccess: () => setPreviewed(current) });
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] xl:items-start">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          {isDefault && !dirty && <Badge tone="zinc">Default policy</Badge>}
          {dirty && <Badge tone="amber">Unsaved changes</Badge>}
          <div className="ml-auto flex flex-wrap gap-2">
            <Button size="sm" variant="ghost" onClick={() => setDraft((d) => ({ ...toDraft(DEFAULT_POLICY), other: d.other }))} disabled={samePolicy({ ...current, ...DEFAULT_POLICY }, current)}>
              Use default
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDraft(toDraft(saved))} disabled={!dirty}>
              <RotateCcw aria-hidden className="size-3.5" /> Discard changes
            </Button>
            <Button size="sm" onClick={runPreview} disabled={!validation.policy || preview.isPending}>
              <Eye aria-hidden className="size-3.5" /> {preview.isPending ? 'Previewing…' : 'Preview'}
            </Button>
            <Button size="sm" variant="primary" onClick={() => validation.policy && save.save(validation.policy, savedAt)} disabled={!validation.policy || save.isPending || (!dirty && !isDefault)}>
              <Save aria-hidden className="size-3.5" /> {save.isPending ? 'Saving…' : 'Save policy'}
            </Button>
          </div>
        </div>
        {errorCount > 0 && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Fix {errorCount} field{errorCount === 1 ? '' : 's'} to preview or save.
          </p>
        )}
        {STAGES.map(({ stage, label }) => (
          <StageGates key={stage} stage={stage} label={label} gates={draft[stage]} errors={validation.errors ?? {}} onChange={(gates) => setDraft((d) => ({ ...d, [stage]: gates }))} />
        ))}
        <ProtectedAliases
          value={draft.other.protectedAliases}
          error={validation.errors?.protectedAliases}
          onChange={(protectedAliases) => setDraft((d) => ({ ...d, other: { ...d.other, protectedAliases } }))}
        />
        <ApproverRules
          authorMayApprove={draft.other.authorMayApprove === true}
          // Off is the absence of the flag, so switching it on and off again leaves the policy unchanged.
          onChange={(on) => setDraft((d) => ({ ...d, other: { ...d.other, authorMayApprove: on ? true : undefined } }))}
        />
        <RetentionRuleSection model={model} value={draft.other.retention ?? null} saved={saved.retention ?? null} valid={retention} errors={validation.errors ?? {}} onChange={setRetention} />
        <ReminderRules
          remindAfterHours={draft.other.notifications?.remindAfterHours}
          error={validation.errors?.notifications}
          onChange={(hours) => setDraft((d) => ({ ...d, other: { ...d.other, notifications: hours === undefined ? undefined : { remindAfterHours: hours } } }))}
        />
      </div>
      <SectionCard title="Preview" className="xl:sticky xl:top-20">
        {preview.data ? (
          <PolicyPreview rows={preview.data} stale={!!previewed && !samePolicy(previewed, current)} />
        ) : (
          <p className="text-sm text-ink-muted">
            Preview checks the draft against today&apos;s versions: Testing versions against the Staging gates, Staging versions against the Production gates. Nothing is saved.
          </p>
        )}
      </SectionCard>
    </div>
  );
}
