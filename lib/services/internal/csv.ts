/** A value as one CSV field: exactly what csv-stringify writes by default (booleans as true/false). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quoted only when it holds the delimiter, a quote or a line break; quotes are doubled.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV record with its line end. Written by hand because it runs for every row of an audit export,
 * where csv-stringify's per-field option handling cost more than fetching the rows.
 */
export function csvRecord(values: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return `${line}\n`;
}
