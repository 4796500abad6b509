import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '@web/lib/api';
import { errorMessageKey, useI18n } from '@web/lib/i18n';
import './ui.css';

/** A polite "loading" status. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** An API failure, in the catalogue's words for its code, with a retry button. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const key = errorMessageKey(error.code);
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{t('common.error')}</p>
      <p>{key ? t(key) : error.message}</p>
      <p className="state__meta">{t('common.errorCode', { code: error.code })}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** A quiet message for an empty list or section. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state--empty">{children}</p>;
}

/** A not-found page body: its own h1, a message and links back. */
export function NotFoundState({
  title,
  text,
  back,
}: {
  title: string;
  text: string;
  back?: { to: string; label: string };
}) {
  const { t } = useI18n();
  return (
    <section className="not-found container">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      <p>{text}</p>
      <p className="not-found__links">
        {back ? (
          <Link className="button button--primary" to={back.to}>
            {back.label}
          </Link>
        ) : null}
        <Link className={back ? 'button button--secondary' : 'button button--primary'} to="/">
          {t('common.backHome')}
        </Link>
      </p>
    </section>
  );
}
