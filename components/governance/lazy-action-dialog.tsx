'use client';

import dynamic from 'next/dynamic';

/**
 * The confirmation dialog for buttons a board shows to everyone who may act (Rollback, End canary): its code
 * loads when one is first opened, not with the board (first-load JS). The native <dialog> still restores focus
 * to the button that opened it, which keeps focus while the code arrives.
 */
export const LazyActionDialog = dynamic(() => import('./action-dialog').then((m) => m.ActionDialog), { ssr: false });
