/** Open data: datasets, licence, data dictionary and bulk downloads. */
export default function OpenDataPage() {
  return null;
}
