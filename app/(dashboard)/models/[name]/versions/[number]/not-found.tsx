'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { SearchX } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

// not-found files get no props; the model and version come from the URL.
export default function VersionNotFound() {
  const { name = '', number = '' } = useParams<{ name: string; number: string }>();
  return (
    <EmptyState
      icon={SearchX}
      title={`${name} has no version “${number}”`}
      description="Versions are numbered 1, 2, 3… in the order they were registered."
      action={
        <Link href={`/models/${encodeURIComponent(name)}`} className={buttonClasses()}>
          Back to the {name} board
        </Link>
      }
      className="mt-8"
    />
  );
}
