import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { SectionCard } from '@/components/ui/card';

/*
 * Model cards are written by whoever registers a version, so they are untrusted. react-markdown builds
 * React elements (never innerHTML) and, without rehype-raw, turns raw HTML into plain text; its default
 * URL filter drops javascript: links. Links open without handing this page to the target.
 */
const components: Components = {
  a: ({ href, title, children }) => {
    const external = typeof href === 'string' && /^https?:\/\//i.test(href);
    return (
      <a href={href} title={title} rel="noopener noreferrer" target={external ? '_blank' : undefined}>
        {children}
      </a>
    );
  },
};

export function ModelCard({ markdown }: { markdown: string }) {
  return (
    <SectionCard title="Model card">
      {markdown.trim() ? (
        <div className="markdown">
          <Markdown remarkPlugins={[remarkGfm]} components={components}>
            {markdown}
          </Markdown>
        </div>
      ) : (
        <p className="text-sm text-ink-faint">No model card was written for this version.</p>
      )}
    </SectionCard>
  );
}
