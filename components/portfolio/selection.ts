import type { PortfolioSelection } from '@/lib/validations/portfolio';

/** What the models page's selection is: ticked names, or every model its search matches. */
export interface SelectionFacts {
  /** Names ticked on this page. */
  names: ReadonlySet<string>;
  /** Every model the search matches, on every page (sent as the filter, resolved by the server). */
  allMatching: boolean;
  /** The page's search (empty: none). */
  query: string;
  /** How many models the search matches. */
  total: number;
}

/** What the API is sent: the ticked names, or the page's search when every match is selected. */
export function selectionBody(state: SelectionFacts): PortfolioSelection {
  return state.allMatching && state.query ? { filter: { q: state.query } } : { models: [...state.names] };
}

export function selectedCount(state: SelectionFacts): number {
  return state.allMatching ? state.total : state.names.size;
}
