import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AttendResult } from '@shared/contracts/activities';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { toApiError } from '@web/lib/api';
import { serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { activitiesApi } from '../api';
import { activityTitle } from '../components/labels';
import '@web/components/ui/form.css';
import '../activities.css';

function AttendForm() {
  const { t, lang } = useI18n();
  const id = useId();
  const [params] = useSearchParams();
  const scanned = params.get('code') ?? '';
  const [code, setCode] = useState(scanned);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<AttendResult | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFieldError(undefined);
    setProblem(null);
    setResult(null);
    try {
      const method = scanned && code.trim().toUpperCase() === scanned.toUpperCase() ? 'qr' : 'code';
      setResult(await activitiesApi.attend({ code, method }));
    } catch (error) {
      const errors = serverFormErrors(toApiError(error), ['code'], t);
      setFieldError(errors.fields.code);
      setProblem(errors.form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ac-panel ac-narrow" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field" data-invalid={fieldError ? 'true' : undefined}>
        <label htmlFor={`${id}-code`}>{t('activities.ui.attendCode')}</label>
        <input
          id={`${id}-code`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={20}
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
          data-testid="attend-code"
        />
        <FieldError id={`${id}-error`} message={fieldError} />
      </div>
      <p>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="attend-submit">
          {t('activities.ui.attendButton')}
        </button>
      </p>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {result ? (
        <FormSuccess>
          <span data-testid="attend-done">
            {t(result.alreadyAttended ? 'activities.ui.attendAlready' : 'activities.ui.attendDone', {
              title: activityTitle(result, lang),
            })}
          </span>{' '}
          <Link to={`/events/${result.activityId}`}>{t('activities.ui.view')}</Link>
        </FormSuccess>
      ) : null}
    </form>
  );
}

/** A participant records attendance with the code shown in the room (the QR code opens this page with it). */
export default function AttendPage() {
  const { t } = useI18n();
  usePageTitle(t('activities.ui.attendTitle'));
  return (
    <RequireAuth>
      <PageHeader title={t('activities.ui.attendTitle')} intro={<p>{t('activities.ui.attendIntro')}</p>} />
      <div className="container page-body">
        <AttendForm />
      </div>
    </RequireAuth>
  );
}
