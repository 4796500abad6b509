import { useState } from 'react';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useFreshApi } from '@web/lib/use-api';
import { DEV_MAIL_PATH, type CapturedMail } from '../api';
import '../notifications.css';

function MailMessage({ mail }: { mail: CapturedMail }) {
  const { t, lang } = useI18n();
  return (
    <article className="dev-mail__message" aria-labelledby="dev-mail-subject" data-testid="dev-mail-message">
      <h2 id="dev-mail-subject">{mail.subject}</h2>
      <dl className="dev-mail__facts">
        <div>
          <dt>{t('devMail.to')}</dt>
          <dd>{mail.toAddress}</dd>
        </div>
        <div>
          <dt>{t('devMail.sentAt')}</dt>
          <dd>{formatDate(mail.createdAt, lang, 'dateTimeSeconds')}</dd>
        </div>
        <div>
          <dt>{t('devMail.template')}</dt>
          <dd>
            <code>{mail.template}</code>
          </dd>
        </div>
        <div>
          <dt>{t('devMail.status')}</dt>
          <dd>
            <code>{mail.status}</code>
          </dd>
        </div>
      </dl>
      {/* The text body only: the HTML body is never injected into the page. */}
      <pre className="dev-mail__text">{mail.textBody}</pre>
    </article>
  );
}

function MailViewer() {
  const { t, lang } = useI18n();
  usePageTitle(t('devMail.title'));
  const mail = useFreshApi<CapturedMail[]>(DEV_MAIL_PATH);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  let body;
  if (mail.status === 'error' && mail.error.status === 404) {
    body = (
      <div className="state state--empty dev-mail__smtp" data-testid="dev-mail-smtp">
        <p className="state__title">{t('devMail.smtpTitle')}</p>
        <p>{t('devMail.smtpText')}</p>
      </div>
    );
  } else if (mail.status === 'error') {
    body = <ErrorState error={mail.error} onRetry={mail.reload} />;
  } else if (mail.status === 'success') {
    const selected = mail.data.find((m) => m.id === selectedId) ?? mail.data[0] ?? null;
    body =
      mail.data.length === 0 ? (
        <EmptyState>{t('devMail.empty')}</EmptyState>
      ) : (
        <div className="dev-mail">
          <nav className="dev-mail__list" aria-label={t('devMail.listLabel')}>
            <ul>
              {mail.data.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="dev-mail__item"
                    aria-current={selected?.id === item.id ? 'true' : undefined}
                    onClick={() => setSelectedId(item.id)}
                  >
                    <span className="dev-mail__subject">{item.subject}</span>
                    <span className="dev-mail__meta">
                      {item.toAddress} · {formatDate(item.createdAt, lang, 'dateTime')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {selected ? <MailMessage mail={selected} /> : <p>{t('devMail.choose')}</p>}
        </div>
      );
  } else {
    body = <LoadingState />;
  }

  return (
    <>
      <PageHeader title={t('devMail.title')} intro={<p>{t('devMail.intro')}</p>}>
        {mail.status === 'success' ? (
          <p className="dev-mail-actions">
            <button type="button" className="button button--secondary" onClick={mail.reload}>
              {t('devMail.refresh')}
            </button>
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body">{body}</div>
    </>
  );
}

/** Development mail viewer for administrators (the endpoint exists only without an SMTP server). */
export default function DevMailPage() {
  return (
    <RequireAuth role="administrator">
      <MailViewer />
    </RequireAuth>
  );
}
