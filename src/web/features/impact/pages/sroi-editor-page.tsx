/** `/projects/:id/sroi/:assessmentId`: the impact-map editor with live results. */
export default function SroiEditorPage() {
  return null;
}
