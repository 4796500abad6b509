/** `/admin/impact/indicators`: the indicator library (officers manage; everyone signed in reads). */
export default function IndicatorLibraryPage() {
  return null;
}
