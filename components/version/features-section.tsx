import { SectionCard } from '@/components/ui/card';

/** The input schema callers must send; a change here is what bumps the major version. */
export function FeaturesSection({ features }: { features: { name: string; type: string }[] }) {
  return (
    <SectionCard title={`Features (${features.length})`}>
      {features.length === 0 ? (
        <p className="text-sm text-ink-faint">No input schema recorded.</p>
      ) : (
        <div className="relative max-h-96 overflow-auto rounded-md border border-line">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-surface-muted">
              <tr>
                <th scope="col" className="px-3 py-2 text-left text-xs font-medium text-ink-faint">Feature</th>
                <th scope="col" className="px-3 py-2 text-left text-xs font-medium text-ink-faint">Type</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {features.map((feature, i) => (
                <tr key={`${feature.name}-${i}`}>
                  <th scope="row" className="px-3 py-1.5 text-left font-mono text-xs font-normal text-ink">{feature.name}</th>
                  <td className="px-3 py-1.5 font-mono text-xs text-ink-muted">{feature.type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
