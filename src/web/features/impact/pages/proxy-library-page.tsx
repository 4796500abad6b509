/** `/admin/impact/proxies`: the financial proxy library. */
export default function ProxyLibraryPage() {
  return null;
}
