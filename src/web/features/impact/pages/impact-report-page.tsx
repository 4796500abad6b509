/** `/projects/:id/impact/report`: the project's impact report (web; the PDF beside it). */
export default function ImpactReportPage() {
  return null;
}
