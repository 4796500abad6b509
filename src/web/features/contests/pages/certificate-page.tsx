import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCertificate } from '../api';
import '@web/components/ui/form.css';
import '../contests.css';

function Result({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const result = useCertificate(code);
  if (result.status === 'error') {
    return <ErrorState error={result.error} onRetry={result.reload} />;
  }
  if (result.status !== 'success') {
    return <LoadingState />;
  }
  const r = result.data;
  const th = lang === 'th';
  return (
    <div
      className={`ct-verify__result ct-verify__result--${r.status}`}
      role="status"
      data-testid="certificate-result"
      data-status={r.status}
    >
      <h2>{t(`contests.verify.status.${r.status}`)}</h2>
      <p>
        {t('contests.verify.code')}: <strong>{r.code}</strong>
      </p>
      {r.status === 'unknown' ? (
        <p>{t('contests.verify.unknownText')}</p>
      ) : (
        <>
          <p>
            {t('contests.verify.recipient')}: <strong>{r.recipientName}</strong>
          </p>
          <p>
            {t('contests.verify.award', {
              place: r.place ?? 1,
              category: (th ? r.categoryNameTh : r.categoryNameEn) ?? '',
              contest: (th ? r.contestTitleTh : r.contestTitleEn) ?? '',
            })}
          </p>
          {r.entryTitleTh ? <p>{t('contests.verify.work', { title: r.entryTitleTh })}</p> : null}
          {r.issuedAt ? (
            <p>{t('contests.verify.issued', { date: formatDate(r.issuedAt, lang, 'long') })}</p>
          ) : null}
          {r.revokedAt ? (
            <p>
              <strong>
                {t('contests.verify.revokedAt', { date: formatDate(r.revokedAt, lang, 'long') })}
              </strong>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** Anyone checks a certificate's verification code: valid, revoked or unknown. */
export default function CertificatePage() {
  const { code } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  usePageTitle(t('contests.verify.title'));
  const check = (event: FormEvent) => {
    event.preventDefault();
    const clean = typed.trim();
    if (clean) {
      void navigate(`/contests/certificates/${encodeURIComponent(clean)}`);
      setTyped('');
    }
  };
  return (
    <>
      <PageHeader title={t('contests.verify.title')} intro={<p>{t('contests.verify.intro')}</p>} />
      <div className="container page-body ct-verify">
        {code ? <Result code={code} /> : null}
        <form className="ct-verify__form" onSubmit={check}>
          <div className="field">
            <label htmlFor="ct-code">{t('contests.verify.enterCode')}</label>
            <input
              id="ct-code"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              placeholder="ABCDE-12345"
              maxLength={40}
            />
          </div>
          <button type="submit" className="button button--primary">
            {t('contests.verify.check')}
          </button>
        </form>
      </div>
    </>
  );
}
