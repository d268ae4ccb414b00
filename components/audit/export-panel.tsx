'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

const FILTERS = ['model', 'actor', 'action', 'from', 'to'] as const;

/**
 * Admins export the history, filtered as on screen, as CSV or NDJSON. The file streams from the server;
 * the panel counts rows as they arrive against the total the server announced.
 */
export function ExportPanel({ fixedModel }: { fixedModel?: string }) {
  const params = useSearchParams();
  const [format, setFormat] = useState<'csv' | 'ndjson'>('csv');
  const [progress, setProgress] = useState<{ rows: number; total: number } | null>(null);

  async function run() {
    const query = new URLSearchParams({ format });
    for (const f of FILTERS) {
      const value = params.get(f);
      if (value) query.set(f, value);
    }
    if (fixedModel) query.set('model', fixedModel);
    try {
      const response = await fetch(`/api/admin/audit/export?${query}`);
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
      }
      const total = Number(response.headers.get('X-Total-Count') ?? 0);
      const reader = response.body.getReader();
      const parts: BlobPart[] = [];
      let newlines = 0;
      setProgress({ rows: 0, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        for (const byte of value) if (byte === 10) newlines += 1;
        // CSV has a header line; NDJSON does not.
        setProgress({ rows: Math.min(format === 'csv' ? Math.max(newlines - 1, 0) : newlines, total), total });
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `modelgate-audit.${format}`;
      const url = URL.createObjectURL(new Blob(parts, { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      link.click();
      URL.revokeObjectURL(url);
      toast.success(`Exported ${total.toLocaleString()} events`);
    } catch (error) {
      toast.error('Export failed', { description: error instanceof Error ? error.message : String(error) });
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <Label htmlFor="export-format">Export format</Label>
        <Select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'ndjson')} className="mt-1 w-32">
          <option value="csv">CSV</option>
          <option value="ndjson">NDJSON</option>
        </Select>
      </div>
      <Button onClick={() => void run()} aria-disabled={progress !== null || undefined}>
        {progress ? 'Exporting…' : 'Export history'}
      </Button>
      {progress && (
        <div className="min-w-48 flex-1" role="status" aria-live="polite">
          <progress max={progress.total || 1} value={progress.rows} className="h-2 w-full accent-[var(--color-accent)]" />
          <p className="text-xs text-ink-muted">
            {progress.rows.toLocaleString()} / {progress.total.toLocaleString()} events
          </p>
        </div>
      )}
    </div>
  );
}
