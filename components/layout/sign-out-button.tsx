'use client';

import { LogOut } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth's client is loaded on the click: every page shows this button, few visits use it.
        void import('next-auth/react').then(({ signOut }) => signOut({ callbackUrl: '/signin' }));
      }}
    >
      <LogOut aria-hidden className="size-4" />
      <span className="sr-only sm:not-sr-only">Sign out</span>
    </Button>
  );
}
