import { useState } from 'react';
import { Link } from 'react-router';
import type { ProjectDetail } from '@shared/contracts/projects';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { projectsApi } from '../api';
import { Field } from '@web/components/ui/fields';
import { ProblemAlert } from './problem-alert';
import { ProjectDialog } from './project-dialog';
import { useCommand } from './use-command';

/**
 * Close-out: once every report (the final one included) is approved and every instalment paid, the officer closes
 * the project with a note; closing drafts the project's entry in the innovation catalogue from the final report.
 */
export function CloseSection({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [note, setNote] = useState('');
  const { error, busy, run, clear } = useCommand();

  if (project.status === 'closed') {
    return (
      <section className="pj-section" aria-labelledby="pj-close">
        <h2 id="pj-close">{t('projectsUi.close.title')}</h2>
        <p data-testid="project-closed">
          {t('projectsUi.close.closedOn', { date: formatDate(project.closedAt ?? '', lang, 'dateTime') })}
        </p>
        {project.closingNote ? <p className="pj-prewrap">{project.closingNote}</p> : null}
        {project.innovationId ? (
          <p className="pj-muted">
            {t('projectsUi.close.innovationDrafted')}{' '}
            <Link to={`/innovations/${project.innovationId}`} data-testid="project-innovation-link">
              {t('innovations.page.projectEntry')}
            </Link>
          </p>
        ) : null}
      </section>
    );
  }
  if (!project.abilities.close) {
    return null;
  }

  const approved = project.reports.filter((r) => r.status === 'approved').length;
  const paid = project.instalments.filter((i) => i.status === 'paid').length;
  const ready = approved === project.reports.length && paid === project.instalments.length;

  return (
    <section className="pj-section" aria-labelledby="pj-close">
      <h2 id="pj-close">{t('projectsUi.close.title')}</h2>
      <p className="pj-intro">{t('projectsUi.close.intro')}</p>
      <ul className="pj-checklist">
        <li data-done={approved === project.reports.length ? 'true' : 'false'}>
          {t('projectsUi.close.reportsApproved', { done: approved, total: project.reports.length })}
        </li>
        <li data-done={paid === project.instalments.length ? 'true' : 'false'}>
          {t('projectsUi.close.instalmentsPaid', { done: paid, total: project.instalments.length })}
        </li>
      </ul>
      {!ready ? <p className="pj-note">{t('projectsUi.close.notReady')}</p> : null}
      <ProjectDialog
        openLabel={t('projectsUi.close.open')}
        openClassName={ready ? 'button button--primary' : 'button button--secondary'}
        title={t('projectsUi.close.dialogTitle')}
        subtitle={<p>{t('projectsUi.close.dialogIntro')}</p>}
        testId="close-dialog"
        onOpen={() => {
          setNote('');
          clear();
        }}
      >
        {(close) => (
          <form
            className="pj-dialog__form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void run(
                () => projectsApi.close(project.id, { version: project.version, note: note.trim() }),
                () => {
                  close();
                  onChanged();
                },
              );
            }}
          >
            <Field label={t('projectsUi.close.note')} className="form-textarea">
              {(tie) => (
                <textarea
                  {...tie}
                  rows={4}
                  maxLength={2000}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  data-testid="close-note"
                />
              )}
            </Field>
            <ProblemAlert error={error} testId="close-error" />
            <div className="form-actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={busy}
                data-testid="close-save"
              >
                {busy ? t('projectsUi.saving') : t('projectsUi.close.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={close}>
                {t('projectsUi.cancel')}
              </button>
            </div>
          </form>
        )}
      </ProjectDialog>
    </section>
  );
}
