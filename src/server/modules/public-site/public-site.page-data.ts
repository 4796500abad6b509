import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import { CATALOGUE_ADDRESS_KEYS, CATALOGUE_PAGE_SIZE } from '@shared/contracts/innovation-catalogue-query';

const CATALOGUE_PATH = /^\/innovations\/?$/;

/**
 * What the home page's first render asks for: the live figures, the programmes, the Flagship objectives, the target
 * province group and the themes, and the footer's version line.
 */
const HOME_ADDRESSES = [
  '/api/public/figures',
  '/api/programmes',
  '/api/reference/flagship-objectives',
  `/api/reference/province-groups/${TARGET_GROUP_CODE}`,
  '/api/reference/themes',
  '/api/health',
];

/**
 * The API addresses whose answers a public page's first render asks for, as the SPA writes them, for the server to
 * put in the page's HTML (webPlugin `pageData`): the home page's figures and reference lists; the catalogue's first
 * page of results for the filters in its address (the ones the page takes, as they are there) and the programmes its
 * filter offers. None for other pages.
 */
export function publicPageData(pathname: string, query: URLSearchParams): string[] {
  if (pathname === '/') {
    return HOME_ADDRESSES;
  }
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
