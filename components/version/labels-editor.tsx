'use client';

import { useState, type FormEvent } from 'react';
import { X } from 'lucide-react';
import { SYSTEM_VERSION_TAGS } from '@/lib/registry';
import { useVersionAlias, useVersionTag } from '@/lib/queries/use-edit-version';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';

interface LabelsEditorProps {
  model: string;
  number: number;
  tags: { key: string; value: string }[];
  aliases: string[];
}

/**
 * Set and remove the version's tags and aliases (REST v1, audited with before and after). Tags governance
 * writes (failed) are not offered; a protected alias (champion…) is refused by the server unless the
 * viewer may decide promotions and the version serves, and the toast says why.
 */
export function LabelsEditor({ model, number, tags, aliases }: LabelsEditorProps) {
  const tag = useVersionTag(model, number);
  const alias = useVersionAlias(model);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [aliasName, setAliasName] = useState('');

  function addTag(event: FormEvent) {
    event.preventDefault();
    if (!key.trim()) return;
    tag.mutate({ key: key.trim(), value }, { onSuccess: () => (setKey(''), setValue('')) });
  }
  function addAlias(event: FormEvent) {
    event.preventDefault();
    if (!aliasName.trim()) return;
    alias.mutate({ alias: aliasName.trim().replace(/^@/, ''), version: number }, { onSuccess: () => setAliasName('') });
  }

  const editable = tags.filter((t) => !(SYSTEM_VERSION_TAGS as readonly string[]).includes(t.key));
  return (
    <div className="mt-4 space-y-4 border-t border-line pt-4">
      {(editable.length > 0 || aliases.length > 0) && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Remove a tag or alias">
          {aliases.map((a) => (
            <li key={`@${a}`}>
              <Button size="sm" variant="secondary" onClick={() => alias.mutate({ alias: a, version: null })} aria-label={`Remove alias @${a}`}>
                @{a} <X aria-hidden className="size-3" />
              </Button>
            </li>
          ))}
          {editable.map((t) => (
            <li key={t.key}>
              <Button size="sm" variant="secondary" onClick={() => tag.mutate({ key: t.key, value: null })} aria-label={`Remove tag ${t.key}`}>
                <span className="max-w-40 truncate">{t.key}</span> <X aria-hidden className="size-3" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addTag} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-end gap-2">
        <div>
          <Label htmlFor="tag-key">Tag</Label>
          <Input id="tag-key" value={key} onChange={(e) => setKey(e.target.value)} placeholder="team" className="mt-1" />
        </div>
        <div>
          <Label htmlFor="tag-value">Value</Label>
          <Input id="tag-value" value={value} onChange={(e) => setValue(e.target.value)} placeholder="fraud" className="mt-1" />
        </div>
        <Button type="submit" size="md" disabled={tag.isPending || !key.trim()}>
          Set tag
        </Button>
      </form>
      <form onSubmit={addAlias} className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-2">
        <div>
          <Label htmlFor="alias-name">Alias</Label>
          <Input id="alias-name" value={aliasName} onChange={(e) => setAliasName(e.target.value)} placeholder="candidate" className="mt-1" />
        </div>
        <Button type="submit" size="md" disabled={alias.isPending || !aliasName.trim()}>
          Point here
        </Button>
      </form>
    </div>
  );
}
