import Link from 'next/link';
import { SearchX } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24">
      <EmptyState
        icon={SearchX}
        title="There is no page at this address"
        description="The link may be out of date, or the address has a typo."
        action={
          <Link href="/models" className={buttonClasses()}>
            Go to models
          </Link>
        }
      />
    </main>
  );
}
