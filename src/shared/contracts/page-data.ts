/**
 * The server hands a public page the API answers its first render asks for, in its HTML: a non-executable
 * `<script type="application/json" id="page-data">` holding `{ [pageDataKey(address)]: body }`. The SPA takes an
 * answer from there once instead of fetching it.
 */
export const PAGE_DATA_ELEMENT_ID = 'page-data';

/** An API address as a page-data key: its parameters sorted, so the order either side writes them in does not count. */
export function pageDataKey(address: string): string {
  const at = address.indexOf('?');
  if (at < 0) {
    return address;
  }
  const params = new URLSearchParams(address.slice(at + 1));
  params.sort();
  const query = params.toString();
  return query ? `${address.slice(0, at)}?${query}` : address.slice(0, at);
}
