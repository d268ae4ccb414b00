import { SectionCard } from '@/components/ui/card';
import { LazyCardMarkdown } from './lazy-card-markdown';

/** The version's model card: untrusted markdown, rendered in the browser (see card-markdown.tsx). */
export function ModelCard({ markdown }: { markdown: string }) {
  return (
    <SectionCard title="Model card">
      {markdown.trim() ? <LazyCardMarkdown markdown={markdown} /> : <p className="text-sm text-ink-faint">No model card was written for this version.</p>}
    </SectionCard>
  );
}
