'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { can, type Role } from '@/lib/registry';
import { cx } from '@/components/ui/cx';

// Audit joins this list as it is built.
const LINKS = [
  { href: '/models', label: 'Models' },
  { href: '/approvals', label: 'Approvals' },
] as const;

const ADMIN_LINK = { href: '/admin', label: 'Admin' } as const;

/** The main sections; Admin only for roles that may manage users (the pages check again on the server). */
export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  const links = can(role, 'users.manage') ? [...LINKS, ADMIN_LINK] : LINKS;
  return (
    <nav aria-label="Main" className="flex min-w-0 items-center gap-0.5 overflow-x-auto sm:gap-1">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={cx(
              'rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap transition-colors sm:px-2.5',
              active ? 'bg-surface-muted text-ink' : 'text-ink-muted hover:bg-surface-muted hover:text-ink',
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
