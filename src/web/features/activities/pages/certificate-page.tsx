import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCertificateCheck } from '../api';
import { timeRange } from '../components/labels';
import '@web/components/ui/form.css';
import '../activities.css';

function Result({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const result = useCertificateCheck(code);
  if (result.status === 'error') {
    return <ErrorState error={result.error} onRetry={result.reload} />;
  }
  if (result.status !== 'success') {
    return <LoadingState />;
  }
  const r = result.data;
  const en = lang === 'en';
  return (
    <div
      className={`ac-verify ac-verify--${r.status}`}
      role="status"
      data-testid="certificate-result"
      data-status={r.status}
    >
      <h2>
        {r.status === 'valid'
          ? t('activities.ui.verifyValid')
          : r.status === 'revoked'
            ? t('activities.ui.verifyRevoked', {
                at: r.revokedAt ? formatDate(r.revokedAt, lang, 'long') : '',
              })
            : t('activities.ui.verifyUnknown')}
      </h2>
      <p>
        {t('activities.ui.verifyCode')}: <strong>{r.code}</strong>
      </p>
      {r.status !== 'unknown' ? (
        <dl className="ac-facts">
          <dt>{t('activities.ui.recipient')}</dt>
          <dd>
            <strong>{r.recipientName}</strong>
            {r.organisationNameTh ? ` · ${r.organisationNameTh}` : ''}
          </dd>
          <dt>{t('activities.ui.activity')}</dt>
          <dd>
            {r.activityId ? (
              <Link to={`/events/${r.activityId}`}>{(en && r.activityTitleEn) || r.activityTitleTh}</Link>
            ) : null}
            {r.kind ? ` (${t(`activities.kinds.${r.kind}`)})` : ''}
          </dd>
          <dt>{t('activities.ui.organiser')}</dt>
          <dd>{(en && r.drivingUnitNameEn) || r.drivingUnitNameTh}</dd>
          {r.startsAt && r.endsAt ? (
            <>
              <dt>{t('activities.ui.when')}</dt>
              <dd>{timeRange(r.startsAt, r.endsAt, lang)}</dd>
            </>
          ) : null}
          {r.hours ? (
            <>
              <dt>{t('activities.ui.hours')}</dt>
              <dd>{t('activities.ui.hoursValue', { hours: formatNumber(r.hours, lang) })}</dd>
            </>
          ) : null}
          {r.issuedAt ? (
            <>
              <dt>{t('activities.ui.issuedAt')}</dt>
              <dd>{formatDate(r.issuedAt, lang, 'long')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}

/** Anyone checks an activity certificate's verification code: valid, revoked or unknown. */
export default function ActivityCertificatePage() {
  const { code } = useParams();
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  usePageTitle(t('activities.ui.verifyTitle'));
  const check = (event: FormEvent) => {
    event.preventDefault();
    const clean = typed.trim();
    if (clean) {
      void navigate(`/certificates/${encodeURIComponent(clean)}`);
      setTyped('');
    }
  };
  return (
    <>
      <PageHeader title={t('activities.ui.verifyTitle')} intro={<p>{t('activities.ui.verifyIntro')}</p>} />
      <div className="container page-body ac-narrow">
        {code ? <Result code={code} /> : null}
        <form className="ac-inline-form" onSubmit={check}>
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('activities.ui.verifyCode')}</label>
            <input
              id={`${id}-code`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              placeholder="ABCDE-12345"
              maxLength={40}
            />
          </div>
          <button type="submit" className="button button--primary">
            {t('activities.ui.verifyButton')}
          </button>
        </form>
      </div>
    </>
  );
}
