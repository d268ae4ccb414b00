'use client';

import { useState } from 'react';
import { Download } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';

type Part = 'bundle' | 'csv' | 'ndjson';
const LABELS: Record<Part, string> = { bundle: 'Bundle (JSON)', csv: 'Events (CSV)', ndjson: 'Events (NDJSON)' };

/**
 * Export on a model's history page: the bundle (model, versions, Production periods, audit events with their
 * hash chain) and the same events as CSV, or as NDJSON for `npm run audit:verify`. Every download is audited.
 */
export function ModelExportButton({ model }: { model: string }) {
  const [busy, setBusy] = useState<Part | null>(null);

  async function download(part: Part) {
    setBusy(part);
    try {
      const response = await fetch(`/api/v1/models/${encodeURIComponent(model)}/export?part=${part}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `modelgate-${model}-${part}`;
      const url = URL.createObjectURL(await response.blob());
      Object.assign(document.createElement('a'), { href: url, download: name }).click();
      URL.revokeObjectURL(url);
      toast.success(`Exported ${model}`, { description: `${LABELS[part]} with ${Number(response.headers.get('X-Total-Count') ?? 0).toLocaleString()} audit events.` });
    } catch (error) {
      toast.error('Export failed', { description: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div role="group" aria-label={`Export ${model}`} className="flex flex-wrap items-center gap-2">
      <Button variant="primary" onClick={() => void download('bundle')} disabled={busy !== null}>
        <Download aria-hidden className="size-4" /> {busy === 'bundle' ? 'Exporting…' : 'Export'}
      </Button>
      <Button onClick={() => void download('csv')} disabled={busy !== null}>
        {busy === 'csv' ? 'Exporting…' : 'Events CSV'}
      </Button>
      <Button variant="ghost" onClick={() => void download('ndjson')} disabled={busy !== null} title="For npm run audit:verify">
        {busy === 'ndjson' ? 'Exporting…' : 'NDJSON'}
      </Button>
    </div>
  );
}
