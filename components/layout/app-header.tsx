import Link from 'next/link';
import { Bell, Boxes } from 'lucide-react';
import { ROLE_LABELS, type Role } from '@/lib/registry';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export function AppHeader({ user }: { user: { name: string; email: string; role: Role } }) {
  return (
    <header className="sticky top-0 z-20 print:hidden border-b border-line bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link href="/models" className="flex items-center gap-2 rounded-md text-sm font-semibold tracking-tight">
          <span className="flex size-7 items-center justify-center rounded-md bg-accent text-accent-ink">
            <Boxes aria-hidden className="size-4" />
          </span>
          {/* On phones the mark alone, so the nav keeps its room. */}
          <span className="sr-only sm:not-sr-only">Modelgate</span>
        </Link>
        <NavLinks role={user.role} />
        <div className="ml-auto flex items-center gap-1 sm:gap-3">
          <div className="hidden min-w-0 items-center gap-2 sm:flex" title={user.email}>
            <span className="truncate text-sm text-ink">{user.name}</span>
            <Badge tone="accent">{ROLE_LABELS[user.role]}</Badge>
          </div>
          <Link href="/settings/notifications" aria-label="Notification settings" title="Notification settings" className={cx(buttonClasses({ variant: 'ghost', size: 'sm' }), 'w-8 px-0')}>
            <Bell aria-hidden className="size-4" />
          </Link>
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
