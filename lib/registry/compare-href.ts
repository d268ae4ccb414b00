// The comparison's address, apart from its parser (compare-query.ts) so the board's cards link to a
// comparison without shipping zod to the browser.

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 10;

/** The canonical URL of a comparison: numbers ascending, so the same selection always shares one link. */
export function compareHref(model: string, numbers: readonly number[]): string {
  return `/models/${encodeURIComponent(model)}/compare?v=${[...numbers].sort((a, b) => a - b).join(',')}`;
}
