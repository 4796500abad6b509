/** `/impact/portfolio`: portfolio views per programme, driving unit, province and theme. */
export default function ImpactPortfolioPage() {
  return null;
}
