'use client';

import { useState } from 'react';
import { Pencil } from 'lucide-react';
import type { EditableVersionField } from '@/lib/registry';
import { Button } from '@/components/ui/button';
import { SectionCard } from '@/components/ui/card';
import { useCardRevisions } from './card-history';
import { EditVersionDialog, type EditableValues } from './edit-version-dialog';
import { LazyCardMarkdown } from './lazy-card-markdown';

interface VersionDocumentationProps {
  model: string;
  number: number;
  values: EditableValues;
  isProduction: boolean;
  /** Null when the viewer may edit; otherwise why not (shown on the disabled buttons); undefined: no buttons (viewers). */
  editDenial: string | null | undefined;
}

/**
 * A version's documentation — description, model card, changelog, migration notes — each with an Edit
 * button for those whose role on this model allows `version.edit` (the server checks again).
 */
export function VersionDocumentation({ model, number, values, isProduction, editDenial }: VersionDocumentationProps) {
  const [editing, setEditing] = useState<EditableVersionField | null>(null);
  const revisions = useCardRevisions(model, number);
  const cardRevision = revisions.data?.at(-1)?.revision ?? 1;
  const editButton = (field: EditableVersionField, label: string) =>
    editDenial === undefined ? null : (
      <Button size="sm" variant="ghost" onClick={() => setEditing(field)} aria-disabled={editDenial !== null || undefined} disabled={editDenial !== null} title={editDenial ?? undefined} aria-label={`Edit ${label}`}>
        <Pencil aria-hidden className="size-3.5" /> Edit
      </Button>
    );

  return (
    <>
      <SectionCard title="Description" action={editButton('description', 'description')}>
        {values.description ? <p className="text-sm whitespace-pre-wrap text-ink">{values.description}</p> : <p className="text-sm text-ink-faint">No description.</p>}
      </SectionCard>
      <SectionCard title="Model card" action={editButton('modelCard', 'model card')}>
        {values.modelCard.trim() ? <LazyCardMarkdown markdown={values.modelCard} /> : <p className="text-sm text-ink-faint">No model card was written for this version.</p>}
      </SectionCard>
      <SectionCard title="Changelog" action={editButton('changelog', 'changelog')}>
        {values.changelog.trim() ? <LazyCardMarkdown markdown={values.changelog} /> : <p className="text-sm text-ink-faint">No changelog: what changed since the previous version is not written down.</p>}
      </SectionCard>
      <SectionCard title="Migration notes" action={editButton('migrationNotes', 'migration notes')}>
        {values.migrationNotes.trim() ? <LazyCardMarkdown markdown={values.migrationNotes} /> : <p className="text-sm text-ink-faint">No migration notes.</p>}
      </SectionCard>
      {editing && (
        <EditVersionDialog
          key={`${editing}-${cardRevision}`}
          model={model}
          number={number}
          values={values}
          cardRevision={cardRevision}
          isProduction={isProduction}
          open
          initialField={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
