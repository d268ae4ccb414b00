import { Select } from '@/components/ui/select';

/** "All models" or one model: the scope of a token or a webhook. */
export function ModelScopeSelect({ id, value, onChange, models }: { id: string; value: string; onChange: (model: string) => void; models: string[] }) {
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">All models</option>
      {models.map((m) => (
        <option key={m} value={m}>
          {m} only
        </option>
      ))}
    </Select>
  );
}
