import { useEffect, useId, useRef } from 'react';
import { useI18n } from '@web/lib/i18n';

export interface IssueItem {
  field: string;
  /** Where: "Section › Question (row 2, Amount)". */
  where: string;
  text: string;
}

/** The problems that stop a submission, each a link that takes the person to its field. Focused when shown. */
export function IssueSummary({
  items,
  onGo,
}: {
  items: readonly IssueItem[];
  onGo: (field: string) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  // Focused when it appears (after a submit attempt), not each time the list shrinks as problems are fixed.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      className="issue-summary"
      role="region"
      aria-labelledby={headingId}
      tabIndex={-1}
      ref={ref}
      data-testid="submit-issues"
    >
      <h2 className="issue-summary__title" id={headingId}>
        {t('proposals.submit.issuesTitle', { count: items.length })}
      </h2>
      <p className="issue-summary__intro">{t('proposals.submit.issuesIntro')}</p>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.field}-${index}`}>
            <a
              href={`#${item.field}`}
              onClick={(event) => {
                event.preventDefault();
                onGo(item.field);
              }}
            >
              <span className="issue-summary__where">{item.where}</span>
              <span className="issue-summary__text">{item.text}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
