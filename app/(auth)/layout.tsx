import { Boxes } from 'lucide-react';
import type { ReactNode } from 'react';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-lg font-semibold tracking-tight">
        <span className="flex size-8 items-center justify-center rounded-md bg-accent text-accent-ink">
          <Boxes aria-hidden className="size-5" />
        </span>
        Modelgate
      </div>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
