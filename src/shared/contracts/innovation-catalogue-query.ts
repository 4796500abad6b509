/**
 * The catalogue query's vocabulary without zod: the catalogue page imports these on its first paint, where zod's
 * weight and set-up time would delay it. innovation-catalogue.ts builds the query schema from them.
 */

/** How the catalogue is ordered: by relevance to the query (featured first when there is none), newest, or title. */
export const CATALOGUE_SORTS = ['relevance', 'newest', 'title'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

/** The longest search text the catalogue takes (characters, after trimming). */
export const CATALOGUE_SEARCH_MAX = 200;

/** The catalogue filters that the catalogue page's address holds (the page writes them there, in this order). */
export const CATALOGUE_ADDRESS_KEYS = [
  'q',
  'theme',
  'sdg',
  'province',
  'region',
  'srlMin',
  'srlMax',
  'programme',
  'diffusionReady',
  'sort',
  'cursor',
] as const;
export type CatalogueAddressKey = (typeof CATALOGUE_ADDRESS_KEYS)[number];

/** Entries on one page of the public catalogue. */
export const CATALOGUE_PAGE_SIZE = 24;
