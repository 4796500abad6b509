/** Key figures as a description list: each a label and its value in words. */
export function FigureList({ figures, testId }: { figures: ReadonlyArray<[string, string]>; testId: string }) {
  return (
    <dl className="coverage-totals" data-testid={testId}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
