import { CATALOGUE_ADDRESS_KEYS, CATALOGUE_PAGE_SIZE } from '@shared/contracts/innovation-catalogue-query';

const CATALOGUE_PATH = /^\/innovations\/?$/;

/**
 * The API addresses whose answers a public page's first render asks for, as the SPA writes them, for the server to
 * put in the page's HTML (webPlugin `pageData`): the catalogue's first page of results for the filters in its address
 * (the ones the page takes, as they are there) and the programmes its filter offers. None for other pages.
 */
export function publicPageData(pathname: string, query: URLSearchParams): string[] {
  if (!CATALOGUE_PATH.test(pathname)) {
    return [];
  }
  const params = new URLSearchParams();
  for (const key of CATALOGUE_ADDRESS_KEYS) {
    const value = query.get(key);
    if (value !== null && value.trim() !== '') {
      params.set(key, value);
    }
  }
  params.set('limit', String(CATALOGUE_PAGE_SIZE));
  return [`/api/innovations?${params.toString()}`, '/api/programmes'];
}
