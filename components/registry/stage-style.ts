import type { Stage } from '@/lib/registry/stages';
import type { BadgeTone } from '@/components/ui/badge';

/** The one place a stage gets its colour: badges, count pills and column markers all read it. */
export const STAGE_TONE: Record<Stage, BadgeTone> = {
  testing: 'blue',
  staging: 'amber',
  production: 'emerald',
  archived: 'zinc',
};

/** A small solid dot in the stage colour, for column headings. */
export const STAGE_DOT: Record<Stage, string> = {
  testing: 'bg-blue-500',
  staging: 'bg-amber-500',
  production: 'bg-emerald-500',
  archived: 'bg-zinc-400',
};
