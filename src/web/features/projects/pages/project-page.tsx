import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ProjectImpactCard } from '@web/features/impact/components/project-impact-card';
import type { ProjectDetail } from '@shared/contracts/projects';
import { PROVINCES } from '@shared/reference/provinces';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatBaht, formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { projectsApi, useDrivingUnits, useProject } from '../api';
import { AgreementCard } from '../components/agreement-card';
import { CloseSection } from '../components/close-section';
import { Field } from '@web/components/ui/fields';
import { InstalmentsSection } from '../components/instalments-section';
import { BudgetSection, MilestonesSection, ReportsSection } from '../components/plan-sections';
import { ProblemAlert } from '../components/problem-alert';
import { ReallocationsSection } from '../components/reallocations-section';
import { useCommand } from '../components/use-command';
import {
  HealthBadge,
  HealthReasons,
  ProjectStatusBadge,
  organisationName,
  projectTitle,
  unitName,
} from '../labels';
import '@web/components/ui/form.css';
import '@web/features/organisations/components/confirm-action.css';
import '../projects.css';

/** Officers move the project to another supervising unit (or none) at any time before close-out. */
function UnitForm({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const units = useDrivingUnits();
  const [unit, setUnit] = useState(project.drivingUnitId ?? '');
  const { error, busy, run } = useCommand();
  const changed = unit !== (project.drivingUnitId ?? '');
  return (
    <form
      className="pj-unit-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(
          () =>
            projectsApi.changeUnit(project.id, {
              version: project.version,
              drivingUnitId: unit === '' ? null : unit,
            }),
          onChanged,
        );
      }}
    >
      <Field label={t('projectsUi.overview.changeUnit')}>
        {(tie) => (
          <select
            {...tie}
            value={unit}
            onChange={(event) => setUnit(event.target.value)}
            data-testid="unit-select"
          >
            <option value="">{t('projectsUi.noUnit')}</option>
            {(units.status === 'success' ? units.data : []).map((u) => (
              <option key={u.id} value={u.id}>
                {localName(u, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button
        type="submit"
        className="button button--secondary"
        disabled={busy || !changed}
        data-testid="unit-save"
      >
        {busy ? t('projectsUi.saving') : t('projectsUi.overview.saveUnit')}
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}

function Overview({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const unit = unitName(project, lang);
  const provinces = project.provinceCodes
    .map((code) => PROVINCES.find((p) => p.code === code))
    .filter((p) => p !== undefined)
    .map((p) => localName(p, lang));
  const srl = (value: number | null) => (value === null ? '–' : String(value));
  const facts: Array<[string, ReactNode]> = [
    [t('projectsUi.overview.award'), formatBaht(project.awardSatang, lang)],
    [
      t('projectsUi.overview.paid'),
      <>
        {formatBaht(project.paidSatang, lang)}
        <span className="pj-muted">
          {t('projectsUi.overview.left', {
            amount: formatBaht(project.awardSatang - project.paidSatang, lang),
          })}
        </span>
      </>,
    ],
    [
      t('projectsUi.overview.period'),
      project.startsOn && project.endsOn
        ? t('projectsUi.range', {
            from: formatDate(project.startsOn, lang),
            to: formatDate(project.endsOn, lang),
          })
        : '–',
    ],
    [t('projectsUi.overview.fiscalYear'), String(project.fiscalYear)],
    [t('projectsUi.overview.unit'), unit ?? t('projectsUi.noUnit')],
    [
      t('projectsUi.overview.nextReport'),
      project.nextReportDueOn ? formatDate(project.nextReportDueOn, lang) : '–',
    ],
    [
      t('projectsUi.overview.srl'),
      project.srlStart === null && project.srlCurrent === null && project.srlTarget === null
        ? t('projectsUi.overview.srlUnknown')
        : t('projectsUi.overview.srlValues', {
            start: srl(project.srlStart),
            current: srl(project.srlCurrent),
            target: srl(project.srlTarget),
          }),
    ],
    [
      t('projectsUi.overview.schedule'),
      <>
        {t(`projects.reportSchedule.${project.reportSchedule}`)}
        <span className="pj-muted">
          {t('projectsUi.overview.reallocationLimit', { percent: project.reallocationLimitPercent })}
        </span>
      </>,
    ],
  ];
  return (
    <section className="pj-card pj-overview" aria-labelledby="pj-overview">
      <h2 id="pj-overview">{t('projectsUi.overview.title')}</h2>
      <div className="pj-health" data-testid="project-health">
        <HealthBadge health={project.health} status={project.status} />
        <HealthReasons health={project.health} />
      </div>
      <dl className="pj-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {provinces.length > 0 ? (
        <p className="pj-muted">{t('projectsUi.overview.provinces', { provinces: provinces.join(', ') })}</p>
      ) : null}
      {project.abilities.editSetup ? (
        <p>
          <Link
            to={`/admin/projects/${project.id}/setup`}
            className="button button--primary"
            data-testid="setup-link"
          >
            {t('projectsUi.overview.editSetup')}
          </Link>
        </p>
      ) : null}
      {project.abilities.changeUnit && !project.abilities.editSetup ? (
        <UnitForm
          key={`${project.drivingUnitId ?? ''}:${project.version}`}
          project={project}
          onChanged={onChanged}
        />
      ) : null}
    </section>
  );
}

function Project({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const project = useProject(id);
  usePageTitle(project.status === 'success' ? projectTitle(project.data, lang) : t('projectsUi.list.title'));

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
  if (project.status !== 'success') {
    return <LoadingState />;
  }
  const p = project.data;
  const reload = project.reload;
  return (
    <>
      <PageHeader
        title={projectTitle(p, lang)}
        titleLang={lang === 'th' ? (p.titleTh ? 'th' : 'en') : p.titleEn ? 'en' : 'th'}
        back={{ to: '/projects', label: t('projectsUi.list.title') }}
        eyebrow={
          <>
            <code>{p.agreementNumber}</code>
            <ProjectStatusBadge status={p.status} />
          </>
        }
        intro={
          <p>
            {organisationName(p, lang)}
            <span className="pj-muted">
              {t('projectsUi.overview.call', { code: p.callCode, title: localText(p, 'callTitle', lang) })}
            </span>
          </p>
        }
      />
      <div className="container page-body pj-page pj-project">
        <div className="pj-top">
          <Overview project={p} onChanged={reload} />
          <AgreementCard project={p} onChanged={reload} />
        </div>
        <BudgetSection project={p} />
        <MilestonesSection project={p} />
        <ReportsSection project={p} />
        <ProjectImpactCard projectId={p.id} />
        <InstalmentsSection project={p} onChanged={reload} />
        <ReallocationsSection project={p} onChanged={reload} />
        <CloseSection project={p} onChanged={reload} />
      </div>
    </>
  );
}

function ProjectRoute() {
  const { id } = useParams();
  return id ? <Project id={id} /> : null;
}

/** `/projects/:id`: a funded project — money, agreement, plan, reports, instalments, reallocations, close-out. */
export default function ProjectPage() {
  return (
    <RequireAuth>
      <ProjectRoute />
    </RequireAuth>
  );
}
