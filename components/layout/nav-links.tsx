'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Braces, ClipboardCheck, Database, History, Package, Settings, type LucideIcon } from 'lucide-react';
import { can } from '@/lib/registry/permissions';
import type { Role } from '@/lib/registry/roles';
import { cx } from '@/components/ui/cx';

interface NavLink {
  href: string;
  label: string;
  icon: LucideIcon;
}

// Every signed-in user may read these; each page checks the session again on the server.
const LINKS: NavLink[] = [
  { href: '/models', label: 'Models', icon: Package },
  { href: '/approvals', label: 'Approvals', icon: ClipboardCheck },
  { href: '/data-sources', label: 'Data', icon: Database },
  { href: '/audit', label: 'Audit', icon: History },
  { href: '/api-docs', label: 'API', icon: Braces },
];

const ADMIN_LINK: NavLink = { href: '/admin', label: 'Admin', icon: Settings };

/**
 * The main sections; Admin only for roles that may manage users (the pages check again on the server).
 * Below md the links are icons with their label for screen readers and on hover: six labels do not fit
 * beside the user's name on a tablet, nor beside the mark on a phone.
 */
export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  const links = can(role, 'users.manage') ? [...LINKS, ADMIN_LINK] : LINKS;
  return (
    <nav aria-label="Main" className="flex min-w-0 items-center gap-0.5 overflow-x-auto md:gap-1">
      {links.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            title={label}
            aria-current={active ? 'page' : undefined}
            className={cx(
              'flex items-center rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap transition-colors md:px-2.5',
              active ? 'bg-surface-muted text-ink' : 'text-ink-muted hover:bg-surface-muted hover:text-ink',
            )}
          >
            <Icon aria-hidden className="size-4 md:hidden" />
            <span className="sr-only md:not-sr-only">{label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
