'use client';

import dynamic from 'next/dynamic';

/**
 * The confirmation dialog for buttons a board shows to everyone who may act (Rollback, End canary): its code
 * loads when one is first opened, not with the board (first-load JS). Focus stays on the button while the code
 * arrives, and the dialog gives it back when it closes (components/ui/dialog.tsx).
 */
export const LazyActionDialog = dynamic(() => import('./action-dialog').then((m) => m.ActionDialog), { ssr: false });
