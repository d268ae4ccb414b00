import Link from 'next/link';
import { ShieldX } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Rendered with HTTP 403 when a page calls `forbidden()`: signed in, but the role does not allow it. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24">
      <h1 className="sr-only">403 Forbidden</h1>
      <EmptyState
        icon={ShieldX}
        title="Admins only"
        description="Your role does not include this part of Modelgate. If you need it, ask an admin to change your role."
        action={
          <Link href="/models" className={buttonClasses()}>
            Go to models
          </Link>
        }
      />
    </main>
  );
}
