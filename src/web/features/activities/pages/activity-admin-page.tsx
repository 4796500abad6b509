import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ActivityDetail, Registration } from '@shared/contracts/activities';
import { Badge } from '@web/components/ui/badge';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { ProjectDialog } from '@web/features/projects/components/project-dialog';
import { toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { activitiesApi, certificatePdfHref, useActivity, useAttendanceCode, useRegistrations } from '../api';
import {
  ActivityStatusBadge,
  RegistrationStatusBadge,
  activityTitle,
  placeText,
  timeRange,
} from '../components/labels';
import '@web/components/ui/form.css';
import '../activities.css';

/** Runs a command, then reloads; keeps its problem or success message. */
function useCommand(onDone: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, success: string | null = null) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(success);
      onDone();
      return true;
    } catch (error) {
      setProblem(apiErrorText(toApiError(error), t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, done, run };
}

function ReasonDialog({
  label,
  title,
  reasonLabel,
  testId,
  onConfirm,
}: {
  label: string;
  title: string;
  reasonLabel: string;
  testId: string;
  onConfirm: (reason: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <ProjectDialog openLabel={label} title={title} testId={testId} onOpen={() => setReason('')}>
      {(close) => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onConfirm(reason).then((ok) => ok && close());
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              rows={3}
            />
          </div>
          <div className="ac-actions">
            <button type="submit" className="button button--danger" disabled={!reason.trim()}>
              {t('activities.ui.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('activities.ui.close')}
            </button>
          </div>
        </form>
      )}
    </ProjectDialog>
  );
}

function StatusActions({ activity, onChange }: { activity: ActivityDetail; onChange: () => void }) {
  const { t } = useI18n();
  const command = useCommand(onChange);
  const a = activity.abilities;
  return (
    <div className="ac-panel">
      <div className="ac-actions">
        {a.canEdit ? (
          <Link className="button button--secondary" to={`/admin/activities/${activity.id}/edit`}>
            {t('activities.ui.edit')}
          </Link>
        ) : null}
        {a.canPublish ? (
          <button
            type="button"
            className="button button--primary"
            disabled={command.busy}
            data-testid="publish"
            onClick={() => void command.run(() => activitiesApi.publish(activity.id, activity.version))}
          >
            {t('activities.ui.publish')}
          </button>
        ) : null}
        {a.canComplete ? (
          <button
            type="button"
            className="button button--primary"
            disabled={command.busy}
            title={t('activities.ui.completeHint')}
            onClick={() => void command.run(() => activitiesApi.complete(activity.id, activity.version))}
          >
            {t('activities.ui.complete')}
          </button>
        ) : null}
        {a.canCancel ? (
          <ReasonDialog
            label={t('activities.ui.cancelActivity')}
            title={t('activities.ui.cancelActivity')}
            reasonLabel={t('activities.ui.cancelReason')}
            testId="cancel-activity"
            onConfirm={(reason) =>
              command.run(() => activitiesApi.cancel(activity.id, { version: activity.version, reason }))
            }
          />
        ) : null}
        {activity.status !== 'draft' ? (
          <Link to={`/events/${activity.id}`}>{t('activities.ui.view')}</Link>
        ) : null}
      </div>
      {command.problem ? <FormAlert>{command.problem}</FormAlert> : null}
    </div>
  );
}

function AttendanceCodePanel({ activity }: { activity: ActivityDetail }) {
  const { t, lang } = useI18n();
  const id = useId();
  const code = useAttendanceCode(activity.id);
  const [minutes, setMinutes] = useState('180');
  const command = useCommand(code.reload);
  if (activity.status !== 'published' && activity.status !== 'completed') {
    return null;
  }
  return (
    <section className="ac-panel" aria-labelledby={`${id}-title`} data-testid="attendance-code-panel">
      <h2 id={`${id}-title`}>{t('activities.ui.attendanceCode')}</h2>
      {code.status === 'success' && code.data.code ? (
        <>
          <p className="ac-code" data-testid="attendance-code">
            {code.data.code}
          </p>
          {code.data.qrSvg ? (
            // The server renders the QR code of /attend?code=… as SVG from its own data: no user input.
            <div
              className="ac-qr"
              role="img"
              aria-label={code.data.url ?? ''}
              dangerouslySetInnerHTML={{ __html: code.data.qrSvg }}
            />
          ) : null}
          {code.data.expiresAt ? (
            <p className="field__hint">
              {t('activities.ui.attendanceCodeUntil', {
                at: formatDate(code.data.expiresAt, lang, 'dateTime'),
              })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('activities.ui.attendanceCodeNone')}</p>
      )}
      <form
        className="ac-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void command.run(() => activitiesApi.renewCode(activity.id, Number(minutes)));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t('activities.ui.validMinutes')}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={5}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button button--secondary"
          disabled={command.busy}
          data-testid="new-code"
        >
          {t('activities.ui.newCode')}
        </button>
      </form>
      {command.problem ? <FormAlert>{command.problem}</FormAlert> : null}
    </section>
  );
}

function RegistrationRow({
  activity,
  registration: r,
  onChange,
}: {
  activity: ActivityDetail;
  registration: Registration;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const command = useCommand(onChange);
  const canMark =
    r.status === 'registered' && (activity.status === 'published' || activity.status === 'completed');
  return (
    <tr data-testid="registration-row">
      <td>
        {r.userName}
        {r.userEmail ? (
          <>
            <br />
            <small>{r.userEmail}</small>
          </>
        ) : null}
      </td>
      <td>{(lang === 'en' && r.organisationNameEn) || r.organisationNameTh || '—'}</td>
      <td>
        <RegistrationStatusBadge status={r.status} position={r.waitlistPosition} />
        <br />
        <small>{formatDate(r.createdAt, lang, 'dateTime')}</small>
      </td>
      <td>
        {canMark ? (
          <label className="ac-actions">
            <input
              type="checkbox"
              checked={r.attendedAt !== null}
              disabled={command.busy || (r.certificate !== null && r.attendedAt !== null)}
              onChange={(e) =>
                void command.run(() => activitiesApi.markAttendance(r.id, r.version, e.target.checked))
              }
              aria-label={`${t('activities.ui.attended')}: ${r.userName}`}
            />
            {r.attendanceMethod ? (
              <small>{t(`activities.attendanceMethods.${r.attendanceMethod}`)}</small>
            ) : null}
          </label>
        ) : r.attendedAt ? (
          t('activities.ui.attended')
        ) : (
          '—'
        )}
        {command.problem ? <FormAlert>{command.problem}</FormAlert> : null}
      </td>
      <td>
        {r.certificate ? (
          r.certificate.revokedAt ? (
            <Badge tone="target">{t('activities.ui.certificateRevoked')}</Badge>
          ) : (
            <div className="ac-actions">
              <a href={certificatePdfHref(r.id, lang)}>PDF</a>
              <ReasonDialog
                label={t('activities.ui.revoke')}
                title={t('activities.ui.revoke')}
                reasonLabel={t('activities.ui.revokeReason')}
                testId={`revoke-${r.id}`}
                onConfirm={(reason) => command.run(() => activitiesApi.revokeCertificate(r.id, reason))}
              />
            </div>
          )
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function RegistrationsPanel({ activity }: { activity: ActivityDetail }) {
  const { t } = useI18n();
  const id = useId();
  const list = useRegistrations(activity.id);
  const command = useCommand(list.reload);
  const [issued, setIssued] = useState<number | null>(null);
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="ac-toolbar">
        <h2 id={`${id}-title`}>
          {t('activities.ui.registrations')} (
          {t('activities.ui.seats', { taken: activity.seatsTaken, capacity: activity.capacity })}
          {activity.waitlistCount > 0
            ? ` · ${t('activities.ui.waitlistCount', { count: activity.waitlistCount })}`
            : ''}
          )
        </h2>
        {activity.givesCertificate && (activity.status === 'published' || activity.status === 'completed') ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={command.busy}
            onClick={() =>
              void command.run(async () => {
                const result = await activitiesApi.issueCertificates(activity.id);
                setIssued(result.issued);
              })
            }
          >
            {t('activities.ui.issueCertificates')}
          </button>
        ) : null}
      </div>
      {issued !== null ? (
        <FormSuccess>{t('activities.ui.issuedCount', { count: issued })}</FormSuccess>
      ) : null}
      {command.problem ? <FormAlert>{command.problem}</FormAlert> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' || list.status === 'idle' ? <LoadingState /> : null}
      {list.status === 'success' && list.data.length === 0 ? (
        <EmptyState>{t('activities.ui.noRegistrations')}</EmptyState>
      ) : null}
      {list.status === 'success' && list.data.length > 0 ? (
        <div className="ac-table-wrap">
          <table className="ac-table">
            <thead>
              <tr>
                <th scope="col">{t('activities.ui.person')}</th>
                <th scope="col">{t('activities.ui.organisation')}</th>
                <th scope="col">{t('activities.ui.status')}</th>
                <th scope="col">{t('activities.ui.attended')}</th>
                <th scope="col">{t('activities.ui.certificateCol')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((r) => (
                <RegistrationRow key={r.id} activity={activity} registration={r} onChange={list.reload} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** An activity for its managers: status commands, the attendance code and QR, registrations and certificates. */
export default function ActivityAdminPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const result = useActivity(id);
  const activity = result.status === 'success' ? result.data : null;
  usePageTitle(activity ? activityTitle(activity, lang) : t('activities.ui.manageTitle'));
  return (
    <RequireAuth>
      {result.status === 'error' ? (
        <div className="container page-body">
          <ErrorState error={result.error} onRetry={result.reload} />
        </div>
      ) : !activity ? (
        <LoadingState />
      ) : (
        <>
          <PageHeader
            title={activityTitle(activity, lang)}
            back={{ to: '/admin/activities', label: t('activities.ui.manageTitle') }}
            eyebrow={
              <span className="ac-card__badges">
                <Badge tone="brand">{t(`activities.kinds.${activity.kind}`)}</Badge>
                <ActivityStatusBadge status={activity.status} />
              </span>
            }
            intro={
              <p>
                {timeRange(activity.startsAt, activity.endsAt, lang)} ·{' '}
                {placeText(activity, lang, t('activities.online'))}
              </p>
            }
          />
          <div className="container page-body">
            {!activity.abilities.canManage ? (
              <p>{t('activities.ui.staffOnly')}</p>
            ) : (
              <div className="ac-event">
                <div>
                  <StatusActions activity={activity} onChange={result.reload} />
                  <RegistrationsPanel key={activity.version} activity={activity} />
                </div>
                <AttendanceCodePanel activity={activity} />
              </div>
            )}
          </div>
        </>
      )}
    </RequireAuth>
  );
}
