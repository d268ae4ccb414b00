import { STAGE_LABELS, type Stage } from '@/lib/registry';
import { Badge } from '@/components/ui/badge';
import { STAGE_TONE } from './stage-style';

export function StageBadge({ stage }: { stage: Stage }) {
  return <Badge tone={STAGE_TONE[stage]}>{STAGE_LABELS[stage]}</Badge>;
}
