/** On the project page: where the project's impact records are (logic model, indicators, SROI, report). */
export function ProjectImpactCard(_props: { projectId: string }) {
  return null;
}
