'use client';

import { useTheme } from 'next-themes';
import { Toaster } from 'sonner';

/** Sonner's toaster, following the app's theme rather than the OS one. */
export function AppToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster theme={resolvedTheme === 'dark' ? 'dark' : 'light'} richColors closeButton position="bottom-right" />;
}
