import type { Role } from '@/lib/registry';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; email?: string | null; name?: string | null; image?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: string;
  }
}
