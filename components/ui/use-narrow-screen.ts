'use client';

import { useSyncExternalStore } from 'react';

const NARROW = '(max-width: 639px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Whether the screen is phone-narrow (below Tailwind's `sm`), for the few things CSS cannot restyle, such as
 * chart ticks drawn as SVG attributes. The server renders the wide layout.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches, () => false);
}
