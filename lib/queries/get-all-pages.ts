import { getJson } from './api-error';

/**
 * Every row of a paged admin list: each answer is bounded (the API's page limit), the console follows
 * `nextCursor` until the end. For lists an admin reads whole (users, tokens, webhooks).
 */
export async function getAllPages<K extends string, T>(url: string, key: K, signal?: AbortSignal): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Record<K, T[]> & { nextCursor: string | null } = await getJson(`${url}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, signal);
    rows.push(...page[key]);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}
