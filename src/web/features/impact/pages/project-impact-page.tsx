import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { LogicModel } from '@shared/contracts/impact-project';
import { FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useProject } from '@web/features/projects/api';
import { useLogicModel, useProjectIndicators } from '../api-project';
import { IndicatorAddForm } from '../components/indicator-add-form';
import { IndicatorCard } from '../components/indicator-card';
import { LogicModelEditor, LogicModelView } from '../components/logic-model-editor';
import { SroiAssessmentsPanel } from '../components/sroi-assessments-panel';
import '../project.css';

function ProjectImpact({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const project = useProject(id);
  usePageTitle(t('impactProject.ui.title'));
  const model = useLogicModel(id);
  const indicators = useProjectIndicators(id);
  const [savedModel, setSavedModel] = useState<LogicModel | null>(null);
  const [adding, setAdding] = useState(false);
  const [modelKey, setModelKey] = useState(0);
  const [editingModel, setEditingModel] = useState(false);
  const [justSaved, setJustSaved] = useState(false);

  if (project.status === 'error') {
    return project.error.isNotFound || project.error.status === 400 ? (
      <NotFoundState
        title={t('projectsUi.notFound')}
        text={t('projectsUi.notFoundText')}
        back={{ to: '/projects', label: t('projectsUi.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={project.error} onRetry={project.reload} />
      </div>
    );
  }
  if (project.status !== 'success' || model.status === 'loading' || model.status === 'idle') {
    return <LoadingState label={t('impactProject.ui.loading')} />;
  }
  const p = project.data;
  const title = lang === 'en' && p.titleEn ? p.titleEn : p.titleTh;
  const currentModel = savedModel ?? (model.status === 'success' ? model.data : null);
  const nodes = currentModel?.nodes ?? [];

  return (
    <>
      <PageHeader
        title={t('impactProject.ui.title')}
        back={{ to: `/projects/${p.id}`, label: t('impactProject.ui.backToProject') }}
        eyebrow={
          <span>
            {p.agreementNumber ? `${p.agreementNumber} · ` : ''}
            {title}
          </span>
        }
        intro={<p>{t('impactProject.ui.lead')}</p>}
      >
        <p>
          <Link
            to={`/projects/${p.id}/impact/report`}
            className="button button--secondary"
            data-testid="impact-report-link"
          >
            {t('impactProject.ui.reportLink')}
          </Link>
        </p>
      </PageHeader>
      <div className="container ip-page">
        <section className="ip-section" aria-labelledby="ip-logic-heading">
          <h2 id="ip-logic-heading">{t('impactProject.ui.logic.heading')}</h2>
          {model.status === 'error' ? (
            <ErrorState error={model.error} onRetry={model.reload} />
          ) : currentModel ? (
            editingModel && currentModel.abilities.edit ? (
              <>
                <p className="ip-muted">{t('impactProject.ui.logic.help')}</p>
                <LogicModelEditor
                  key={`${modelKey}-${currentModel.version}`}
                  projectId={p.id}
                  model={currentModel}
                  onSaved={(next) => {
                    setSavedModel(next);
                    setEditingModel(false);
                    setJustSaved(true);
                    indicators.reload();
                  }}
                  onCancel={() => setEditingModel(false)}
                  onReload={() => {
                    setSavedModel(null);
                    setModelKey((k) => k + 1);
                    model.reload();
                  }}
                />
              </>
            ) : (
              <>
                <LogicModelView nodes={nodes} />
                {justSaved ? <FormSuccess>{t('impactProject.ui.logic.saved')}</FormSuccess> : null}
                {currentModel.abilities.edit ? (
                  <p>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => {
                        setJustSaved(false);
                        setEditingModel(true);
                      }}
                      data-testid="logic-edit"
                    >
                      {t('impactProject.ui.logic.edit')}
                    </button>
                  </p>
                ) : null}
              </>
            )
          ) : null}
        </section>

        <section className="ip-section" aria-labelledby="ip-indicators-heading">
          <div className="ip-section__head">
            <h2 id="ip-indicators-heading">{t('impactProject.ui.indicators.heading')}</h2>
            {indicators.status === 'success' && indicators.data.abilities.editPlan && !adding ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAdding(true)}
                data-testid="indicator-add"
              >
                + {t('impactProject.ui.indicators.add')}
              </button>
            ) : null}
          </div>
          {indicators.status === 'error' ? (
            <ErrorState error={indicators.error} onRetry={indicators.reload} />
          ) : indicators.status !== 'success' ? (
            <LoadingState />
          ) : (
            <>
              {adding ? (
                <IndicatorAddForm
                  projectId={p.id}
                  nodes={nodes}
                  usedCodes={indicators.data.indicators.map((i) => i.code)}
                  onAdded={() => {
                    setAdding(false);
                    indicators.reload();
                  }}
                  onCancel={() => setAdding(false)}
                />
              ) : null}
              {indicators.data.indicators.length === 0 ? (
                <EmptyState>{t('impactProject.ui.indicators.empty')}</EmptyState>
              ) : (
                <div className="ip-indicators">
                  {indicators.data.indicators.map((indicator) => (
                    <IndicatorCard
                      key={`${indicator.id}-${indicator.version}`}
                      indicator={indicator}
                      nodes={nodes}
                      periods={indicators.data.periods}
                      abilities={indicators.data.abilities}
                      onChanged={indicators.reload}
                    />
                  ))}
                </div>
              )}
            </>
          )}
        </section>

        <SroiAssessmentsPanel projectId={p.id} />
      </div>
    </>
  );
}

/** `/projects/:id/impact`: a project's logic model, indicators, actuals and verification, and its SROI assessments. */
export default function ProjectImpactPage() {
  const { id } = useParams();
  return <RequireAuth>{id ? <ProjectImpact key={id} id={id} /> : null}</RequireAuth>;
}
