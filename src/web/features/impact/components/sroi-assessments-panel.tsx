import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  SROI_ASSESSMENT_KINDS,
  type SroiAssessmentKind,
  type SroiAssessmentSummary,
} from '@shared/contracts/sroi-assessments';
import { Badge } from '@web/components/ui/badge';
import { FormAlert } from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { formatBaht, formatDate } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { sroiApi, useSroiAssessments } from '../api-sroi';
import { ratioText } from './sroi-results';
import '../sroi.css';

function AssessmentRow({ item, projectId }: { item: SroiAssessmentSummary; projectId: string }) {
  const { t, lang } = useI18n();
  const title =
    item.title ||
    t('sroiEditor.editor.untitled', { kind: t(`sroiEditor.kindShort.${item.kind}`), n: item.versionNo });
  return (
    <li className="sr-panel__item" data-testid={`sr-panel-item-${item.kind}-${item.versionNo}`}>
      <div className="sr-panel__main">
        <Link to={`/projects/${projectId}/sroi/${item.id}`} className="sr-panel__link">
          {title}
        </Link>
        <span className="sr-badges">
          <Badge>{t('sroiEditor.panel.version', { n: item.versionNo })}</Badge>
          <Badge tone={item.status === 'final' ? 'success' : 'accent'}>
            {t(`sroiEditor.status.${item.status}`)}
          </Badge>
          {item.issueCount > 0 ? (
            <Badge tone="target">{t('sroiEditor.panel.issues', { count: item.issueCount })}</Badge>
          ) : null}
        </span>
      </div>
      <div className="sr-panel__figures">
        {item.ratio !== null ? (
          <>
            <span>
              {t('sroiEditor.panel.ratio')}{' '}
              <strong data-testid="sr-panel-ratio">{ratioText(item.ratio, lang)}</strong>
            </span>
            <span className="sr-muted">{t(`sroiEditor.conventionShort.${item.convention}`)}</span>
            {item.presentValueSatang !== null ? (
              <span className="sr-muted">
                PV {formatBaht(Math.round(item.presentValueSatang / 100) * 100, lang)}
              </span>
            ) : null}
          </>
        ) : null}
        <span className="sr-muted">{formatDate(item.finalisedAt ?? item.updatedAt, lang, 'medium')}</span>
      </div>
    </li>
  );
}

/** On the project's impact page: its SROI assessments by kind and version, and the command to start one. */
export function SroiAssessmentsPanel({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useSroiAssessments(projectId);
  const [busy, setBusy] = useState<SroiAssessmentKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (kind: SroiAssessmentKind) => {
    setBusy(kind);
    setError(null);
    try {
      const created = await sroiApi.create(projectId, { kind });
      void navigate(`/projects/${projectId}/sroi/${created.id}`);
    } catch (caught) {
      setError(apiErrorText(toApiError(caught), t));
      setBusy(null);
    }
  };

  return (
    <section className="sr-panel" aria-labelledby="sr-panel-title" data-testid="sroi-assessments-panel">
      <h2 id="sr-panel-title">{t('sroiEditor.panel.title')}</h2>
      <p className="sr-muted">{t('sroiEditor.panel.intro')}</p>
      {error ? <FormAlert>{error}</FormAlert> : null}
      {list.status === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.status !== 'success' ? (
        <LoadingState />
      ) : (
        <div className="sr-panel__kinds">
          {SROI_ASSESSMENT_KINDS.map((kind) => {
            const items = list.data.items.filter((i) => i.kind === kind);
            const hasDraft = items.some((i) => i.status === 'draft');
            return (
              <div key={kind} className="sr-panel__kind" data-testid={`sr-panel-${kind}`}>
                <h3>{t(`sroiEditor.kind.${kind}`)}</h3>
                {items.length === 0 ? <p className="sr-muted">{t('sroiEditor.panel.empty')}</p> : null}
                <ul className="sr-panel__list">
                  {items.map((item) => (
                    <AssessmentRow key={item.id} item={item} projectId={projectId} />
                  ))}
                </ul>
                {list.data.abilities.create && !hasDraft ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    data-testid={`sr-start-${kind}`}
                    disabled={busy !== null}
                    onClick={() => void start(kind)}
                  >
                    {t('sroiEditor.panel.start', { kind: t(`sroiEditor.kindShort.${kind}`) })}
                  </button>
                ) : null}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
