'use client';

import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { type CompareModel } from './compare-model';
import { comparisonCsv } from './comparison-csv';

/** Downloads the whole comparison (every metric, slice and parameter) as one CSV. */
export function ExportCsvButton({ model }: { model: CompareModel }) {
  function download() {
    const blob = new Blob([comparisonCsv(model)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${model.model}-compare-${model.comparison.versions.map((v) => `v${v.number}`).join('-')}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <Button onClick={download}>
      <Download aria-hidden className="size-4" /> Export CSV
    </Button>
  );
}
