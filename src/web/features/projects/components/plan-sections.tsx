import { Link } from 'react-router';
import type { ProjectDetail } from '@shared/contracts/projects';
import { sumSatang } from '@shared/projects/plan';
import { Badge } from '@web/components/ui/badge';
import { EmptyState } from '@web/components/ui/states';
import { formatBaht, formatDate, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { ReportStatusBadge, useCategoryLabel } from '../labels';

/** Budget lines: planned (from the proposal), approved (after reallocations), spent (approved reports), left. */
export function BudgetSection({ project }: { project: ProjectDetail }) {
  const { t, lang } = useI18n();
  const categoryLabel = useCategoryLabel();
  const lines = [...project.budgetLines].sort((a, b) => a.position - b.position);
  const total = (pick: (l: (typeof lines)[number]) => number) => sumSatang(lines.map(pick));
  const col = {
    line: t('projectsUi.budget.col.line'),
    planned: t('projectsUi.budget.col.planned'),
    approved: t('projectsUi.budget.col.approved'),
    spent: t('projectsUi.budget.col.spent'),
    left: t('projectsUi.budget.col.left'),
  };
  return (
    <section className="pj-section" aria-labelledby="pj-budget">
      <h2 id="pj-budget">{t('projectsUi.budget.title')}</h2>
      {lines.length === 0 ? (
        <EmptyState>{t('projectsUi.budget.empty')}</EmptyState>
      ) : (
        <table className="data-table data-table--stack" data-testid="budget-table">
          <caption className="visually-hidden">{t('projectsUi.budget.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{col.line}</th>
              <th scope="col" className="numeric">
                {col.planned}
              </th>
              <th scope="col" className="numeric">
                {col.approved}
              </th>
              <th scope="col" className="numeric">
                {col.spent}
              </th>
              <th scope="col" className="numeric">
                {col.left}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const left = line.approvedSatang - line.spentSatang;
              return (
                <tr key={line.id}>
                  <td data-label={col.line}>
                    <div>
                      <strong className="pj-block">{categoryLabel(line.category)}</strong>
                      <span className="pj-muted">{line.description}</span>
                    </div>
                  </td>
                  <td data-label={col.planned} className="numeric">
                    <div>{formatBaht(line.plannedSatang, lang)}</div>
                  </td>
                  <td data-label={col.approved} className="numeric">
                    <div>{formatBaht(line.approvedSatang, lang)}</div>
                  </td>
                  <td data-label={col.spent} className="numeric">
                    <div>{formatBaht(line.spentSatang, lang)}</div>
                  </td>
                  <td data-label={col.left} className="numeric">
                    <div>
                      {left < 0 ? (
                        <Badge tone="target">
                          {t('projectsUi.budget.over', { amount: formatBaht(-left, lang) })}
                        </Badge>
                      ) : (
                        formatBaht(left, lang)
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="pj-total-row">
              <th scope="row" data-label={col.line}>
                {t('projectsUi.total')}
              </th>
              <td data-label={col.planned} className="numeric">
                <div>
                  {formatBaht(
                    total((l) => l.plannedSatang),
                    lang,
                  )}
                </div>
              </td>
              <td data-label={col.approved} className="numeric">
                <div>
                  {formatBaht(
                    total((l) => l.approvedSatang),
                    lang,
                  )}
                </div>
              </td>
              <td data-label={col.spent} className="numeric">
                <div>
                  {formatBaht(
                    total((l) => l.spentSatang),
                    lang,
                  )}
                </div>
              </td>
              <td data-label={col.left} className="numeric">
                <div>
                  {formatBaht(
                    total((l) => l.approvedSatang - l.spentSatang),
                    lang,
                  )}
                </div>
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

/** Milestones: the deliverable, due date and how far it has come (from approved reports). */
export function MilestonesSection({ project }: { project: ProjectDetail }) {
  const { t, lang } = useI18n();
  const milestones = [...project.milestones].sort((a, b) => a.position - b.position);
  const col = {
    milestone: t('projectsUi.milestones.col.milestone'),
    due: t('projectsUi.milestones.col.due'),
    completion: t('projectsUi.milestones.col.completion'),
  };
  return (
    <section className="pj-section" aria-labelledby="pj-milestones">
      <h2 id="pj-milestones">{t('projectsUi.milestones.title')}</h2>
      {milestones.length === 0 ? (
        <EmptyState>{t('projectsUi.milestones.empty')}</EmptyState>
      ) : (
        <table className="data-table data-table--stack" data-testid="milestones-table">
          <caption className="visually-hidden">{t('projectsUi.milestones.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{col.milestone}</th>
              <th scope="col">{col.due}</th>
              <th scope="col">{col.completion}</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m, index) => (
              <tr key={m.id}>
                <td data-label={col.milestone}>
                  <div>
                    <strong className="pj-block">
                      {index + 1}. {localText(m, 'title', lang)}
                    </strong>
                    {m.deliverable ? <span className="pj-muted">{m.deliverable}</span> : null}
                  </div>
                </td>
                <td data-label={col.due}>
                  <div>
                    <time dateTime={m.dueOn}>{formatDate(m.dueOn, lang)}</time>
                    {m.isLate ? (
                      <span className="pj-block">
                        <Badge tone="target">{t('projectsUi.milestones.late')}</Badge>
                      </span>
                    ) : null}
                  </div>
                </td>
                <td data-label={col.completion}>
                  <div>
                    <span className="pj-progress">
                      <progress max={100} value={m.completionPercent} aria-hidden="true" />
                      <span>{t('projectsUi.percent', { value: m.completionPercent })}</span>
                    </span>
                    {m.completedOn ? (
                      <span className="pj-muted">
                        {t('projectsUi.milestones.completedOn', { date: formatDate(m.completedOn, lang) })}
                      </span>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The reports the project owes, each linking to its page (the editor or the review). */
export function ReportsSection({ project }: { project: ProjectDetail }) {
  const { t, lang } = useI18n();
  const reports = [...project.reports].sort((a, b) => a.sequence - b.sequence);
  const col = {
    report: t('projectsUi.reports.col.report'),
    period: t('projectsUi.reports.col.period'),
    due: t('projectsUi.reports.col.due'),
    status: t('projectsUi.reports.col.status'),
  };
  return (
    <section className="pj-section" aria-labelledby="pj-reports">
      <h2 id="pj-reports">{t('projectsUi.reports.title')}</h2>
      {reports.length === 0 ? (
        <EmptyState>{t('projectsUi.reports.empty')}</EmptyState>
      ) : (
        <table className="data-table data-table--stack" data-testid="reports-table">
          <caption className="visually-hidden">{t('projectsUi.reports.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{col.report}</th>
              <th scope="col">{col.period}</th>
              <th scope="col">{col.due}</th>
              <th scope="col">{col.status}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => {
              const label = t('projectsUi.reports.name', {
                sequence: r.sequence,
                kind: t(`projects.reportKind.${r.kind}`),
              });
              return (
                <tr key={r.id} data-testid="report-row">
                  <td data-label={col.report}>
                    <div>
                      {project.status === 'setup' ? (
                        <strong>{label}</strong>
                      ) : (
                        <Link to={`/projects/${project.id}/reports/${r.id}`} className="pj-title-link">
                          {label}
                        </Link>
                      )}
                    </div>
                  </td>
                  <td data-label={col.period}>
                    <div>
                      {t('projectsUi.range', {
                        from: formatDate(r.periodStart, lang),
                        to: formatDate(r.periodEnd, lang),
                      })}
                    </div>
                  </td>
                  <td data-label={col.due}>
                    <div>
                      <time dateTime={r.dueOn}>{formatDate(r.dueOn, lang)}</time>
                      {r.isOverdue ? (
                        <span className="pj-block">
                          <Badge tone="target">{t('projectsUi.reports.overdue')}</Badge>
                        </span>
                      ) : null}
                    </div>
                  </td>
                  <td data-label={col.status}>
                    <div>
                      <ReportStatusBadge status={r.status} />
                      {r.submittedAt ? (
                        <span className="pj-muted">
                          {t('projectsUi.reports.submittedAt', { date: formatDate(r.submittedAt, lang) })}
                        </span>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
