import { PROJECT_LIMITS, type EvidenceFile, type ReportDetail } from '@shared/contracts/projects';
import { FieldError, describedBy } from '@web/components/ui/form';
import { formatDate, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { fieldDomId, type MilestoneDraft } from '../report-form';
import { EvidenceFiles, type FileEvents } from './evidence-files';
import { ReportTextArea } from './text-area';

/** The milestones a report covers: completion, what was delivered and the evidence, one card each. */
export function MilestonesEditor({
  report,
  milestones,
  files,
  errors,
  fileEvents,
  onChange,
}: {
  report: ReportDetail;
  milestones: MilestoneDraft[];
  files: readonly EvidenceFile[];
  errors: Record<string, string>;
  fileEvents: FileEvents;
  onChange: (milestoneId: string, part: Partial<MilestoneDraft>) => void;
}) {
  const { t, lang } = useI18n();
  if (milestones.length === 0) {
    return <p className="pr-muted">{t('projectReportsUi.milestone.none')}</p>;
  }
  return (
    <ol className="pr-milestones">
      {milestones.map((draft) => {
        const milestone = report.milestones.find((m) => m.milestoneId === draft.milestoneId);
        if (!milestone) {
          return null;
        }
        const key = `milestones.${draft.milestoneId}`;
        const title = localText(milestone, 'title', lang);
        const evidence = files.filter(
          (f) => f.purpose === 'milestone' && f.milestoneId === draft.milestoneId,
        );
        const percent = Number(draft.completion);
        const completeWithoutEvidence = percent === 100 && evidence.length === 0;
        const completionKey = `${key}.completionPercent`;
        const completionId = fieldDomId(completionKey);
        const completionError = errors[completionKey];
        const rowError = errors[key];
        return (
          <li
            key={draft.milestoneId}
            className="pr-milestone"
            id={fieldDomId(key)}
            tabIndex={-1}
            data-invalid={rowError ? 'true' : undefined}
            data-testid="report-milestone"
          >
            <h3 className="pr-milestone__title" lang={lang === 'th' || !milestone.titleEn ? 'th' : 'en'}>
              {title}
            </h3>
            <p className="pr-milestone__meta">
              {t('projectReportsUi.milestone.due', { date: formatDate(milestone.dueOn, lang) })}
            </p>
            {milestone.deliverable ? (
              <p className="pr-milestone__deliverable">
                <span className="pr-label">{t('projectReportsUi.milestone.deliverable')}</span>{' '}
                {milestone.deliverable}
              </p>
            ) : null}
            <FieldError id={`${fieldDomId(key)}-error`} message={rowError} />
            <div className="pr-milestone__grid">
              <div
                className="field form-field pr-field pr-percent"
                data-invalid={completionError ? 'true' : undefined}
              >
                <label htmlFor={completionId}>{t('projectReportsUi.milestone.completion')}</label>
                <div className="pr-percent__row">
                  <input
                    id={completionId}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={5}
                    value={draft.completion}
                    onChange={(event) => onChange(draft.milestoneId, { completion: event.target.value })}
                    aria-invalid={completionError ? true : undefined}
                    aria-describedby={describedBy(
                      `${completionId}-hint`,
                      completionError && `${completionId}-error`,
                    )}
                    data-testid="milestone-completion"
                  />
                  <span className="pr-percent__bar" aria-hidden="true">
                    <span
                      style={{
                        width: `${Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0}%`,
                      }}
                    />
                  </span>
                </div>
                <p id={`${completionId}-hint`} className="field__hint">
                  {t('projectReportsUi.milestone.completionHint')}
                </p>
                <FieldError id={`${completionId}-error`} message={completionError} />
              </div>
              <ReportTextArea
                fieldKey={`${key}.note`}
                label={t('projectReportsUi.milestone.note')}
                value={draft.note}
                error={errors[`${key}.note`]}
                rows={3}
                maxLength={PROJECT_LIMITS.text}
                onChange={(note) => onChange(draft.milestoneId, { note })}
              />
            </div>
            <div className="pr-subsection" id={fieldDomId(`${key}.evidence`)} tabIndex={-1}>
              <h4 className="pr-subsection__title">{t('projectReportsUi.milestone.evidence')}</h4>
              <FieldError id={`${fieldDomId(`${key}.evidence`)}-error`} message={errors[`${key}.evidence`]} />
              {completeWithoutEvidence && !errors[`${key}.evidence`] ? (
                <p className="pr-warning" data-testid="milestone-needs-evidence">
                  {t('projectReportsUi.milestone.needsEvidence')}
                </p>
              ) : null}
              <EvidenceFiles
                reportId={report.id}
                files={evidence}
                target={{ purpose: 'milestone', milestoneId: draft.milestoneId }}
                editable
                reportFileCount={files.length}
                what={title}
                onAdded={fileEvents.onAdded}
                onRemoved={fileEvents.onRemoved}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
