/**
 * The services' notion of "now". Production code never changes it; the demo-data seed moves it to give
 * the demo history realistic dates.
 */
export const clock = {
  now: (): Date => new Date(),
};
