import { SectionCard } from '@/components/ui/card';
import { formatJsonValue } from './json-value';

export function HyperparametersSection({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  return (
    <SectionCard title="Hyperparameters">
      {entries.length === 0 ? (
        <p className="text-sm text-ink-faint">None recorded.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-md border border-line">
          <table className="w-full text-sm">
            <thead className="bg-surface-muted/60">
              <tr>
                <th scope="col" className="px-3 py-2 text-left text-xs font-medium text-ink-faint">Name</th>
                <th scope="col" className="px-3 py-2 text-left text-xs font-medium text-ink-faint">Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {entries.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row" className="px-3 py-1.5 text-left font-mono text-xs font-normal text-ink-muted">{key}</th>
                  <td className="px-3 py-1.5 font-mono text-xs break-all text-ink">{formatJsonValue(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
