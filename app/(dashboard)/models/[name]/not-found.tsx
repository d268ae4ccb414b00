'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { SearchX } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

// not-found files get no props; the model name comes from the URL.
export default function ModelNotFound() {
  const { name } = useParams<{ name: string }>();
  return (
    <EmptyState
      icon={SearchX}
      title={`No model named “${name ?? ''}”`}
      description="It may have been renamed, or the link has a typo. Model names are case-sensitive."
      action={
        <Link href="/models" className={buttonClasses()}>
          Back to all models
        </Link>
      }
      className="mt-8"
    />
  );
}
