import type { ReactNode } from 'react';
import '@web/components/ui/form.css';

/** The narrow centred card the sign-in, registration and link pages sit in. */
export function AuthCard({
  wide,
  children,
  testId,
}: {
  wide?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="container auth-page">
      <section className={wide ? 'auth-card auth-card--wide' : 'auth-card'} data-testid={testId}>
        {children}
      </section>
    </div>
  );
}

export type ResultTone = 'info' | 'ok' | 'problem';

function ResultIcon({ tone }: { tone: ResultTone }) {
  return (
    <span className={`auth-card__icon auth-card__icon--${tone}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="26" height="26" focusable="false">
        {tone === 'ok' ? (
          <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
        ) : tone === 'problem' ? (
          <path
            d="M12 6v8M12 17.5v.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
          />
        ) : (
          <path
            d="M3.5 6.5h17v11h-17zM3.5 7l8.5 6.5L20.5 7"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
        )}
      </svg>
    </span>
  );
}

/** An outcome page (email sent, link used or expired…): icon, the page's h1, text and the next steps. */
export function ResultCard({
  tone,
  title,
  children,
  actions,
  testId,
}: {
  tone: ResultTone;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <AuthCard testId={testId}>
      <ResultIcon tone={tone} />
      <h1>{title}</h1>
      {children}
      {actions ? <div className="form-actions">{actions}</div> : null}
    </AuthCard>
  );
}
