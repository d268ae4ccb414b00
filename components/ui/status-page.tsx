import Link from 'next/link';
import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { buttonClasses } from './button';
import { EmptyState } from './empty-state';

/** A whole page that says why there is nothing here (403, 404), with the way back to the models. */
export function StatusPage({ icon, title, description, heading }: { icon: LucideIcon; title: string; description: string; heading?: ReactNode }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-24">
      {heading}
      <EmptyState
        icon={icon}
        title={title}
        description={description}
        action={
          <Link href="/models" className={buttonClasses()}>
            Go to models
          </Link>
        }
      />
    </main>
  );
}
