import { Link } from 'react-router';
import type { FormStage } from '@shared/contracts/calls';
import { useI18n } from '@web/lib/i18n';
import '../call-admin.css';

/** The officers' pages of one call that the navigation links to. */
export type CallAdminPage = 'details' | 'proposals' | 'reviewers' | 'rubric' | 'ranking';

/**
 * The navigation between an officer's pages of one call — its details, the proposals received, reviewers, the
 * rubric and the ranking — shown in each page's header, the current page marked. The rubric link opens `stage`, or
 * the call's first stage; it is left out until the stages are known.
 */
export function CallAdminLinks({
  callId,
  stages,
  current,
  stage,
}: {
  callId: string;
  stages: readonly FormStage[];
  current: CallAdminPage;
  stage?: FormStage | null;
}) {
  const { t } = useI18n();
  const base = `/admin/calls/${encodeURIComponent(callId)}`;
  const rubricStage = stage ?? stages[0];
  const links: Array<{ page: CallAdminPage; to: string; label: string; testId: string }> = [
    { page: 'details', to: `${base}/edit`, label: t('calls.admin.edit.details'), testId: 'call-link' },
    {
      page: 'proposals',
      to: `${base}/proposals`,
      label: t('calls.admin.edit.proposals'),
      testId: 'intake-link',
    },
    {
      page: 'reviewers',
      to: `${base}/reviewers`,
      label: t('reviewers.admin.link'),
      testId: 'reviewers-link',
    },
    ...(rubricStage
      ? [
          {
            page: 'rubric' as const,
            to: `${base}/rubric/${rubricStage}`,
            label: t('reviews.rubric.link'),
            testId: 'rubric-link',
          },
        ]
      : []),
    { page: 'ranking', to: `${base}/ranking`, label: t('reviews.ranking.title'), testId: 'ranking-link' },
  ];
  return (
    <nav className="ca-tabs ca-admin-links" aria-label={t('calls.admin.edit.adminNav')}>
      {links.map((link) => (
        <Link
          key={link.page}
          className="ca-tab"
          to={link.to}
          aria-current={link.page === current ? 'page' : undefined}
          data-testid={link.testId}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
