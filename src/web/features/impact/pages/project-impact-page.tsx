/** `/projects/:id/impact`: a project's logic model, indicators, actuals and verification, and its SROI assessments. */
export default function ProjectImpactPage() {
  return null;
}
