import type { ReactNode } from 'react';
import type { EvidenceFile, ReportDetail } from '@shared/contracts/projects';
import { FieldError } from '@web/components/ui/form';
import { formatDate, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { fieldDomId } from '../report-form';
import { EvidenceFiles } from './evidence-files';
import { ExpendituresView } from './expenditures-section';
import { IndicatorsView } from './indicators-section';
import { ScalingView } from './scaling-section';
import { SrlValue } from './srl-section';

/**
 * One part of the report as a card with its heading. `anchor` is the form key the section stands for when an error
 * names the whole list (`milestones`, `indicators`…): the section takes its id, and that error shows under the title.
 */
export function ReportSection({
  name,
  title,
  intro,
  anchor,
  error,
  children,
}: {
  name: string;
  title: string;
  intro?: string | undefined;
  anchor?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  const headingId = `pr-s-${name}-title`;
  const id = anchor ? fieldDomId(anchor) : `pr-s-${name}`;
  return (
    <section
      className="pr-section"
      id={id}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-invalid={error ? 'true' : undefined}
      data-testid={`report-section-${name}`}
    >
      <h2 id={headingId} className="pr-section__title">
        {title}
      </h2>
      {intro ? <p className="pr-section__intro">{intro}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
      {children}
    </section>
  );
}

/** A long text answer, read only, keeping the writer's line breaks. */
export function TextValue({ label, value }: { label?: string; value: string }) {
  const { t } = useI18n();
  return (
    <div className="pr-text-value">
      {label ? <h3 className="pr-text-value__label">{label}</h3> : null}
      {value.trim() ? (
        <p className="pr-pre">{value}</p>
      ) : (
        <p className="pr-muted">{t('projectReportsUi.view.empty')}</p>
      )}
    </div>
  );
}

function filesOf(files: readonly EvidenceFile[], purpose: EvidenceFile['purpose'], milestoneId?: string) {
  return files.filter(
    (f) => f.purpose === purpose && (milestoneId === undefined || f.milestoneId === milestoneId),
  );
}

function ReadFiles({ report, files }: { report: ReportDetail; files: readonly EvidenceFile[] }) {
  return (
    <EvidenceFiles
      reportId={report.id}
      files={files}
      target={{ purpose: files[0]?.purpose ?? 'other' }}
      editable={false}
      reportFileCount={report.files.length}
      what=""
      onAdded={() => undefined}
      onRemoved={() => undefined}
    />
  );
}

/** The whole report read only (a submitted or approved report, or a reviewer's or viewer's view), with downloads. */
export function ReportView({ report }: { report: ReportDetail }) {
  const { t, lang } = useI18n();
  return (
    <div className="pr-sections" data-testid="report-view">
      <ReportSection name="milestones" title={t('projectReportsUi.sections.milestones')}>
        {report.milestones.length === 0 ? (
          <p className="pr-muted">{t('projectReportsUi.milestone.none')}</p>
        ) : (
          <ol className="pr-milestones">
            {report.milestones.map((milestone) => (
              <li key={milestone.milestoneId} className="pr-milestone" data-testid="report-milestone">
                <h3 className="pr-milestone__title">{localText(milestone, 'title', lang)}</h3>
                <p className="pr-milestone__meta">
                  {t('projectReportsUi.milestone.due', { date: formatDate(milestone.dueOn, lang) })}
                </p>
                {milestone.deliverable ? (
                  <p className="pr-milestone__deliverable">
                    <span className="pr-label">{t('projectReportsUi.milestone.deliverable')}</span>{' '}
                    {milestone.deliverable}
                  </p>
                ) : null}
                <div className="pr-percent__row pr-percent__row--view">
                  <strong data-testid="milestone-completion-value">
                    {t('projectReportsUi.milestone.completionValue', {
                      percent: milestone.completionPercent,
                    })}
                  </strong>
                  <span className="pr-percent__bar" aria-hidden="true">
                    <span style={{ width: `${milestone.completionPercent}%` }} />
                  </span>
                </div>
                {milestone.note ? <p className="pr-pre">{milestone.note}</p> : null}
                <div className="pr-subsection">
                  <h4 className="pr-subsection__title">{t('projectReportsUi.milestone.evidence')}</h4>
                  <ReadFiles
                    report={report}
                    files={filesOf(report.files, 'milestone', milestone.milestoneId)}
                  />
                </div>
              </li>
            ))}
          </ol>
        )}
      </ReportSection>

      <ReportSection name="narrative" title={t('projectReportsUi.sections.narrative')}>
        <TextValue value={report.narrative} />
      </ReportSection>

      <ReportSection name="expenditures" title={t('projectReportsUi.sections.expenditures')}>
        <ExpendituresView report={report} />
        <div className="pr-subsection">
          <h3 className="pr-subsection__title">{t('projectReportsUi.sections.expenditureFiles')}</h3>
          <ReadFiles report={report} files={filesOf(report.files, 'expenditure')} />
        </div>
      </ReportSection>

      <ReportSection name="indicators" title={t('projectReportsUi.sections.indicators')}>
        <IndicatorsView report={report} />
      </ReportSection>

      <ReportSection name="srl" title={t('projectReportsUi.sections.srl')}>
        <SrlValue level={report.srlLevel} />
        <TextValue label={t('projectReportsUi.srl.evidence')} value={report.srlEvidence} />
        <div className="pr-subsection">
          <h3 className="pr-subsection__title">{t('projectReportsUi.srl.files')}</h3>
          <ReadFiles report={report} files={filesOf(report.files, 'srl')} />
        </div>
      </ReportSection>

      <ReportSection name="problems" title={t('projectReportsUi.sections.problemsRisks')}>
        <TextValue label={t('projectReportsUi.sections.problems')} value={report.problems} />
        <TextValue label={t('projectReportsUi.sections.risks')} value={report.risks} />
      </ReportSection>

      {report.kind === 'final' ? (
        <ReportSection name="final" title={t('projectReportsUi.sections.final')}>
          <TextValue label={t('projectReportsUi.sections.lessons')} value={report.lessonsLearned} />
          <div className="pr-subsection">
            <h3 className="pr-subsection__title">{t('projectReportsUi.sections.scaling')}</h3>
            <ScalingView items={report.scalingRecommendations} />
          </div>
        </ReportSection>
      ) : null}

      <ReportSection name="files" title={t('projectReportsUi.sections.otherFiles')}>
        <ReadFiles report={report} files={filesOf(report.files, 'other')} />
      </ReportSection>
    </div>
  );
}
