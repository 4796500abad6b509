/** Policy insight reports with exports run as jobs. */
export default function InsightsPage() {
  return null;
}
