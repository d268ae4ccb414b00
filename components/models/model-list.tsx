import type { ModelListItem as ModelListItemData } from '@/lib/db/queries/models';
import { ModelListItem } from './model-list-item';

const LIST_CLASSES = 'divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface shadow-xs';

export function ModelList({ models, selectable = false }: { models: ModelListItemData[]; selectable?: boolean }) {
  return (
    <ul aria-label="Models" className={LIST_CLASSES}>
      {models.map((model) => (
        <ModelListItem key={model.name} model={model} selectable={selectable} />
      ))}
    </ul>
  );
}

ModelList.Skeleton = function ModelListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <ul aria-busy="true" aria-label="Loading models" className={LIST_CLASSES}>
      {Array.from({ length: rows }, (_, i) => (
        <ModelListItem.Skeleton key={i} />
      ))}
    </ul>
  );
};
