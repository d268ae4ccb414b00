'use client';

import { useState } from 'react';
import { EDITABLE_FIELD_LABELS, EDITABLE_FIELD_LIMITS, EDITABLE_VERSION_FIELDS, type EditableVersionField } from '@/lib/registry';
import { useEditVersion } from '@/lib/queries/use-edit-version';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { cx } from '@/components/ui/cx';
import { LazyCardMarkdown } from './lazy-card-markdown';

export type EditableValues = Record<EditableVersionField, string>;

interface EditVersionDialogProps {
  model: string;
  number: number;
  values: EditableValues;
  /** The card revision shown, so a concurrent edit is refused rather than overwritten. */
  cardRevision: number;
  isProduction: boolean;
  open: boolean;
  onClose: () => void;
  initialField?: EditableVersionField;
}

const MARKDOWN_FIELDS: readonly EditableVersionField[] = ['modelCard', 'changelog', 'migrationNotes'];

/**
 * Edits the documentation of a registered version: one tab per field, markdown fields with a preview
 * rendered as the page renders them. Tabs follow the ARIA tabs pattern (arrow keys move between them).
 * The rest of the record (artifact, digest, metrics, lineage, features) is immutable and not offered.
 */
export function EditVersionDialog({ model, number, values, cardRevision, isProduction, open, onClose, initialField = 'modelCard' }: EditVersionDialogProps) {
  const [field, setField] = useState<EditableVersionField>(initialField);
  const [draft, setDraft] = useState<EditableValues>(values);
  const [preview, setPreview] = useState(false);
  const edit = useEditVersion(model, number);
  const changed = EDITABLE_VERSION_FIELDS.filter((f) => draft[f] !== values[f]);

  function close() {
    setDraft(values);
    setPreview(false);
    onClose();
  }

  function save() {
    const body: Partial<EditableValues> & { baseCardRevision?: number } = Object.fromEntries(changed.map((f) => [f, draft[f]]));
    if (changed.includes('modelCard')) body.baseCardRevision = cardRevision;
    edit.mutate(body, { onSuccess: () => close() });
  }

  function onTabKey(event: React.KeyboardEvent, index: number) {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = EDITABLE_VERSION_FIELDS[(index + delta + EDITABLE_VERSION_FIELDS.length) % EDITABLE_VERSION_FIELDS.length]!;
    setField(next);
    document.getElementById(`edit-tab-${next}`)?.focus();
  }

  const markdown = MARKDOWN_FIELDS.includes(field);
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Edit v${number}'s documentation`}
      className="w-[min(56rem,calc(100vw-2rem))]"
      description={
        <>
          Every edit is audited with its before and after.{isProduction && <strong className="font-medium text-ink"> This version serves Production.</strong>} Artifact, digest, metrics,
          lineage and features are part of the registered record and cannot change.
        </>
      }
    >
      <div role="tablist" aria-label="Field to edit" className="flex flex-wrap gap-1 border-b border-line">
        {EDITABLE_VERSION_FIELDS.map((f, index) => (
          <button
            key={f}
            id={`edit-tab-${f}`}
            type="button"
            role="tab"
            aria-selected={field === f}
            aria-controls="edit-panel"
            tabIndex={field === f ? 0 : -1}
            onClick={() => setField(f)}
            onKeyDown={(e) => onTabKey(e, index)}
            className={cx('-mb-px border-b-2 px-3 py-1.5 text-sm', field === f ? 'border-accent font-medium text-ink' : 'border-transparent text-ink-muted hover:text-ink')}
          >
            {EDITABLE_FIELD_LABELS[f]}
            {draft[f] !== values[f] && <span aria-label="(edited)"> •</span>}
          </button>
        ))}
      </div>
      <div id="edit-panel" role="tabpanel" aria-labelledby={`edit-tab-${field}`} className="mt-3 space-y-2">
        {markdown && (
          <div className="flex justify-end">
            <label className="flex items-center gap-2 text-xs text-ink-muted">
              <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} className="size-4 accent-accent" />
              Preview
            </label>
          </div>
        )}
        {markdown && preview ? (
          <div className="max-h-[50vh] min-h-48 overflow-auto rounded-md border border-line p-3" aria-label={`${EDITABLE_FIELD_LABELS[field]} preview`}>
            {draft[field].trim() ? <LazyCardMarkdown markdown={draft[field]} /> : <p className="text-sm text-ink-faint">Nothing written yet.</p>}
          </div>
        ) : (
          <textarea
            aria-label={EDITABLE_FIELD_LABELS[field]}
            value={draft[field]}
            maxLength={EDITABLE_FIELD_LIMITS[field]}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            rows={field === 'description' ? 5 : 16}
            spellCheck
            placeholder={field === 'modelCard' ? '## Intended use\n…\n## Limitations\n…' : field === 'changelog' ? '- What changed since the previous version' : field === 'migrationNotes' ? 'What a consumer must change to move to this version' : ''}
            className="block w-full rounded-md border border-line-strong bg-surface p-2 font-mono text-sm text-ink placeholder:text-ink-faint focus:outline-2 focus:outline-accent"
          />
        )}
        <p className="text-xs text-ink-muted">
          {draft[field].length.toLocaleString()} / {EDITABLE_FIELD_LIMITS[field].toLocaleString()} characters{markdown ? ' · markdown' : ''}
          {field === 'modelCard' && ` · editing revision ${cardRevision}`}
        </p>
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
        <Button variant="primary" onClick={save} aria-disabled={changed.length === 0 || edit.isPending || undefined} disabled={changed.length === 0 || edit.isPending}>
          {edit.isPending ? 'Saving…' : changed.length > 1 ? `Save ${changed.length} changes` : 'Save'}
        </Button>
      </div>
    </Dialog>
  );
}
