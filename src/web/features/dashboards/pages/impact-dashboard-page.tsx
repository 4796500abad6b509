/** Public impact dashboards: aggregated outcomes, no personal data. */
export default function ImpactDashboardPage() {
  return null;
}
