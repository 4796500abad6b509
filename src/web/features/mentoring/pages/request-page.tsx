import { useId, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { MentoringRequestDetail, Session } from '@shared/contracts/mentoring';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { mentoringApi, useMentorOptions, useRequest } from '../api';
import { Field } from '@web/components/ui/fields';
import { LogSessionForm, RateSessionForm } from '../components/session-forms';
import { useFormCommand } from '../components/use-form-command';
import { RequestStatusBadge, Stars, nameIn } from '../labels';
import '@web/components/ui/form.css';
import '../mentoring.css';

function AssignForm({ request, onChanged }: { request: MentoringRequestDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const options = useMentorOptions(request.drivingUnitId, true);
  const [mentorId, setMentorId] = useState(request.mentorId ?? '');
  const { errors, busy, run } = useFormCommand(['mentorId']);
  return (
    <form
      className="me-form me-form--panel"
      noValidate
      data-testid="assign-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => mentoringApi.assign(request.id, { mentorId, version: request.version }), onChanged);
      }}
    >
      <h3>{request.mentorId ? t('mentoring.assign.reassign') : t('mentoring.assign.title')}</h3>
      <Field label={t('mentoring.assign.mentor')} error={errors.fields.mentorId}>
        {(tie) => (
          <select
            {...tie}
            value={mentorId}
            onChange={(e) => setMentorId(e.target.value)}
            data-testid="assign-mentor"
          >
            <option value="">{t('mentoring.assign.choose')}</option>
            {(options.status === 'success' ? options.data : []).map((m) => (
              <option key={m.id} value={m.id}>
                {nameIn(lang, m.nameTh, m.nameEn)}
                {m.expertise.length > 0
                  ? ` — ${m.expertise.map((e) => t(`mentoring.expertise.${e}`)).join(', ')}`
                  : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {errors.form ? <FormAlert testId="assign-error">{errors.form}</FormAlert> : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !mentorId}
          data-testid="assign-submit"
        >
          {t('mentoring.assign.submit')}
        </button>
      </div>
    </form>
  );
}

function StatusButtons({ request, onChanged }: { request: MentoringRequestDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { errors, busy, run } = useFormCommand([]);
  const send = (status: 'closed' | 'declined') =>
    void run(() => mentoringApi.setStatus(request.id, { status, version: request.version }), onChanged);
  const canDecline = request.abilities.assign && request.status === 'open';
  if (!request.abilities.close && !canDecline) {
    return null;
  }
  return (
    <div className="me-status-actions">
      {request.abilities.close ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => send('closed')}
          data-testid="close-request"
        >
          {t('mentoring.assign.close')}
        </button>
      ) : null}
      {canDecline ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => send('declined')}
        >
          {t('mentoring.assign.decline')}
        </button>
      ) : null}
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
    </div>
  );
}

function SessionItem({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const { t, lang } = useI18n();
  return (
    <li className="me-session" data-testid="session">
      <div className="me-card__head">
        <h3 className="me-card__title">{session.topic}</h3>
        <span className="me-muted">
          {formatDate(session.heldOn, lang, 'long')} ·{' '}
          {t('mentoring.sessions.hoursValue', { hours: formatNumber(session.hours, lang) })}
        </span>
      </div>
      {session.notes ? (
        <div>
          <h4>{t('mentoring.sessions.notes')}</h4>
          <p className="me-prewrap">{session.notes}</p>
        </div>
      ) : null}
      {session.followUps ? (
        <div>
          <h4>{t('mentoring.sessions.followUps')}</h4>
          <p className="me-prewrap">{session.followUps}</p>
        </div>
      ) : null}
      <div className="me-session__rating" data-testid="session-rating">
        <h4>{t('mentoring.sessions.rating')}</h4>
        {session.satisfaction !== null ? (
          <p>
            <Stars value={session.satisfaction} />{' '}
            {session.satisfactionComment ? <q>{session.satisfactionComment}</q> : null}
          </p>
        ) : session.canRate ? (
          <RateSessionForm session={session} onRated={onChanged} />
        ) : (
          <p className="me-muted">{t('mentoring.sessions.notRated')}</p>
        )}
      </div>
    </li>
  );
}

function RequestView() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const request = useRequest(id);
  const detailsId = useId();
  const sessionsId = useId();
  usePageTitle(request.status === 'success' ? request.data.topic : t('mentoring.requests.title'));

  if (request.status === 'error') {
    return request.error.isNotFound ? (
      <NotFoundState
        title={t('mentoring.requests.notFound')}
        text={t('mentoring.requests.notFoundText')}
        back={{ to: '/mentoring', label: t('mentoring.requests.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={request.error} onRetry={request.reload} />
      </div>
    );
  }
  if (request.status !== 'success') {
    return <LoadingState />;
  }
  const r = request.data;
  const rows: Array<[string, ReactNode]> = [
    [t('mentoring.personnel.expertise'), t(`mentoring.expertise.${r.expertise}`)],
    [t('mentoring.requests.organisation'), r.organisationNameTh ?? r.requesterName],
    ...(r.projectId
      ? ([
          [
            t('mentoring.requests.project'),
            <Link key="p" to={`/projects/${r.projectId}`}>
              {r.projectTitleTh}
            </Link>,
          ],
        ] as Array<[string, ReactNode]>)
      : []),
    [t('mentoring.requests.unitName'), nameIn(lang, r.drivingUnitNameTh, r.drivingUnitNameEn) || '—'],
    [
      t('mentoring.requests.mentor'),
      r.mentorId ? (
        <Link to={`/personnel/${r.mentorId}`}>{nameIn(lang, r.mentorNameTh, r.mentorNameEn)}</Link>
      ) : (
        t('mentoring.requests.noMentor')
      ),
    ],
  ];

  return (
    <>
      <PageHeader
        title={r.topic}
        back={{ to: '/mentoring', label: t('mentoring.requests.title') }}
        eyebrow={<RequestStatusBadge status={r.status} />}
        intro={
          <p>
            {t('mentoring.requests.requestedBy', { name: r.requesterName })}{' '}
            {t('mentoring.requests.on', { date: formatDate(r.createdAt, lang) })}
          </p>
        }
      />
      <div className="container page-body me-page me-request">
        <section className="me-section" aria-labelledby={detailsId}>
          <h2 id={detailsId} className="visually-hidden">
            {t('mentoring.requests.details')}
          </h2>
          <dl className="me-facts">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {r.details ? <p className="me-prewrap">{r.details}</p> : null}
          <StatusButtons request={r} onChanged={request.reload} />
        </section>
        {r.abilities.assign ? <AssignForm request={r} onChanged={request.reload} /> : null}
        {r.abilities.logSession ? <LogSessionForm requestId={r.id} onLogged={request.reload} /> : null}
        <section className="me-section" aria-labelledby={sessionsId}>
          <h2 id={sessionsId}>{t('mentoring.sessions.title')}</h2>
          {r.sessions.length === 0 ? (
            <p className="me-muted">{t('mentoring.sessions.empty')}</p>
          ) : (
            <ul className="me-sessions">
              {r.sessions.map((s) => (
                <SessionItem key={s.id} session={s} onChanged={request.reload} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** A mentoring request: details, the mentor's assignment, sessions logged and their ratings. */
export default function RequestPage() {
  return (
    <RequireAuth>
      <RequestView />
    </RequireAuth>
  );
}
