import { STAGE_LABELS, STAGES, type Stage } from '@/lib/registry';
import { Badge } from '@/components/ui/badge';
import { STAGE_TONE } from '@/components/registry/stage-style';

/** One small coloured pill per stage with how many versions are in it; empty stages are dimmed. */
export function StageCountPills({ counts }: { counts: Record<Stage, number> }) {
  return (
    <ul aria-label="Versions per stage" className="flex flex-wrap gap-1.5">
      {STAGES.map((stage) => (
        <li key={stage}>
          <Badge tone={STAGE_TONE[stage]} className={counts[stage] === 0 ? 'opacity-50' : undefined}>
            {STAGE_LABELS[stage]}
            <span className="tabular-nums">{counts[stage]}</span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}
