import type { Role } from '@/lib/registry';

export const DEMO_PASSWORD = 'modelgate';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'viewer@example.com', name: 'Vera Viewer', role: 'viewer' },
  { email: 'scientist@example.com', name: 'Sami Scientist', role: 'scientist' },
  { email: 'approver@example.com', name: 'Ada Approver', role: 'approver' },
  { email: 'approver2@example.com', name: 'Ben Approver', role: 'approver' },
  { email: 'admin@example.com', name: 'Alex Admin', role: 'admin' },
];
