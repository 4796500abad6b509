/** On the project's impact page: its SROI assessments by kind and version, and the command to start one. */
export function SroiAssessmentsPanel(_props: { projectId: string }) {
  return null;
}
