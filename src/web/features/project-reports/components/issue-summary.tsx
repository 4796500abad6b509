import { useEffect, useId, useRef } from 'react';
import { useI18n } from '@web/lib/i18n';

export interface ReportIssue {
  /** The form's key of the field (see `fieldKey`). */
  key: string;
  /** Where: "Milestone: Pilot in two villages". */
  where: string;
  text: string;
}

/**
 * What stops the report from being saved or submitted, at the top of the page: each a link that takes the person to
 * its field. Focused when it appears (remount it with a new `key` for each attempt).
 */
export function ReportIssueSummary({
  title,
  issues,
  onGo,
}: {
  title: string;
  issues: readonly ReportIssue[];
  onGo: (key: string) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <div
      className="pr-issues"
      role="region"
      aria-labelledby={headingId}
      tabIndex={-1}
      ref={ref}
      data-testid="report-issues"
    >
      <h2 className="pr-issues__title" id={headingId}>
        {title}
      </h2>
      <p className="pr-issues__intro">{t('projectReportsUi.submit.issuesIntro')}</p>
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.key}-${index}`}>
            <a
              href={`#${issue.key}`}
              onClick={(event) => {
                event.preventDefault();
                onGo(issue.key);
              }}
            >
              <span className="pr-issues__where">{issue.where}</span>
              <span className="pr-issues__text">{issue.text}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
