/** Expiry choices: 90 days unless the admin says otherwise; "never" only when asked for by name. */
export const EXPIRY_CHOICES = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days (recommended)' },
  { value: '180', label: '180 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never expires' },
] as const;

export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'];
export const DEFAULT_EXPIRY: ExpiryChoice = '90';

export const expiryBody = (choice: ExpiryChoice): number | 'never' => (choice === 'never' ? 'never' : Number(choice));

export function ExpiryOptions() {
  return EXPIRY_CHOICES.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));
}
