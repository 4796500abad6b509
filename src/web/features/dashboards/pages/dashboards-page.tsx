/** Dashboards for officers and driving units. */
export default function DashboardsPage() {
  return null;
}
