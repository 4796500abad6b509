import { Link } from 'react-router';
import { Badge } from '@web/components/ui/badge';
import { useI18n } from '@web/lib/i18n';
import { useProjectIndicators } from '../api-project';
import '../project.css';

/** On the project page: where the project's impact records are (logic model, indicators, SROI, report). */
export function ProjectImpactCard({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const answer = useProjectIndicators(projectId);
  const counts = answer.status === 'success' ? answer.data.counts : null;
  return (
    <section
      className="pj-section ip-card"
      aria-labelledby="ip-card-heading"
      data-testid="project-impact-card"
    >
      <h2 id="ip-card-heading">{t('impactProject.ui.card.heading')}</h2>
      {counts ? (
        <div className="ip-card__body">
          <p>
            {counts.indicators === 0
              ? t('impactProject.ui.card.none')
              : t('impactProject.ui.card.summary', { indicators: counts.indicators, values: counts.values })}
          </p>
          {counts.submitted + counts.queried + counts.flagged > 0 ? (
            <p className="ip-card__badges">
              {counts.submitted > 0 ? (
                <Badge tone="accent">
                  {t('impactProject.ui.card.awaiting', { count: counts.submitted })}
                </Badge>
              ) : null}
              {counts.queried > 0 ? (
                <Badge tone="target">{t('impactProject.ui.card.queried', { count: counts.queried })}</Badge>
              ) : null}
              {counts.flagged > 0 ? (
                <Badge tone="neutral">{t('impactProject.ui.card.flagged', { count: counts.flagged })}</Badge>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="ip-card__links">
        <Link
          to={`/projects/${projectId}/impact`}
          className="button button--secondary"
          data-testid="impact-page-link"
        >
          {t('impactProject.ui.card.open')}
        </Link>
        <Link to={`/projects/${projectId}/impact/report`}>{t('impactProject.ui.card.report')}</Link>
      </p>
    </section>
  );
}
