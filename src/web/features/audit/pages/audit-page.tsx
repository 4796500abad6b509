import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { AuditQuerySchema, type AuditEvent } from '@shared/contracts/audit';
import { SubmitButton, TextField } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { toApiError, withQuery, type ApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { apiErrorText, contractResolver, serverFormErrors, type Translate } from '@web/lib/forms';
import { isMessageKey, useI18n, type MessageKey } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { AUDIT_FILTER_KEYS, fetchAuditPage, filtersFromParams, type AuditFilters } from '../api';
import { actionKey, describeChangeValue } from '../changes';
import '@web/components/ui/form.css';
import '../audit.css';

function filterSchema(t: Translate) {
  return AuditQuerySchema.pick({
    actorUserId: true,
    entityType: true,
    entityId: true,
    action: true,
    from: true,
    to: true,
  }).refine((values) => !values.from || !values.to || values.from <= values.to, {
    path: ['to'],
    message: t('audit.toBeforeFrom'),
  });
}

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Whether the catalogue words `code` under `section` (audit actions and entity types come as data). */
function hasWording(section: 'audit.actions' | 'entities', code: string): boolean {
  return !code.includes('.') && isMessageKey(`${section}.${code}`);
}

function Filters({
  filters,
  onApply,
  serverError,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  serverError: ApiError | null;
}) {
  const { t } = useI18n();
  const resolver = useMemo(
    () => contractResolver(filterSchema(t), t, { actorUserId: 'audit.actorUserIdInvalid' }),
    [t],
  );
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: filters });

  useEffect(() => {
    reset(filters);
  }, [filters, reset]);

  useEffect(() => {
    if (serverError) {
      const { fields } = serverFormErrors(serverError, AUDIT_FILTER_KEYS, t);
      for (const [name, message] of Object.entries(fields)) {
        setError(name as (typeof AUDIT_FILTER_KEYS)[number], { type: 'server', message });
      }
    }
  }, [serverError, setError, t]);

  const field = (name: (typeof AUDIT_FILTER_KEYS)[number]) =>
    register(name, { setValueAs: blankToUndefined });

  return (
    <form
      className="audit-filters"
      noValidate
      aria-labelledby="audit-filters-title"
      onSubmit={(event) => void handleSubmit(onApply)(event)}
      data-testid="audit-filters"
    >
      <h2 id="audit-filters-title" className="visually-hidden">
        {t('audit.filters')}
      </h2>
      <div className="audit-filters__grid">
        <TextField
          label={t('audit.actorUserId')}
          spellCheck={false}
          autoComplete="off"
          error={errors.actorUserId?.message}
          registration={field('actorUserId')}
        />
        <TextField
          label={t('audit.entityType')}
          spellCheck={false}
          autoComplete="off"
          placeholder="user"
          error={errors.entityType?.message}
          registration={field('entityType')}
        />
        <TextField
          label={t('audit.entityId')}
          spellCheck={false}
          autoComplete="off"
          error={errors.entityId?.message}
          registration={field('entityId')}
        />
        <TextField
          label={t('audit.action')}
          spellCheck={false}
          autoComplete="off"
          placeholder="session.signed_in"
          error={errors.action?.message}
          registration={field('action')}
        />
        <TextField
          label={t('audit.from')}
          type="date"
          error={errors.from?.message}
          registration={field('from')}
        />
        <TextField label={t('audit.to')} type="date" error={errors.to?.message} registration={field('to')} />
      </div>
      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
          {t('audit.apply')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={() => onApply({})}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}

function ChangeValueText({ value }: { value: unknown }) {
  const { t } = useI18n();
  const described = describeChangeValue(value);
  switch (described.kind) {
    case 'empty':
      return <em className="audit-value audit-value--muted">{t('audit.emptyValue')}</em>;
    case 'redacted':
      return <em className="audit-value audit-value--muted">{t('audit.redacted')}</em>;
    case 'text':
      return <span className="audit-value">{described.text}</span>;
  }
}

function Changes({ changes }: { changes: AuditEvent['changes'] }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) {
    return <span aria-hidden="true">–</span>;
  }
  return (
    <ul className="audit-changes">
      {entries.map(([field, change]) => (
        <li key={field}>
          <code className="audit-changes__field">{field}</code> <ChangeValueText value={change.before} />
          <span className="audit-changes__arrow" aria-hidden="true">
            {' → '}
          </span>
          <span className="visually-hidden"> → </span>
          <ChangeValueText value={change.after} />
        </li>
      ))}
    </ul>
  );
}

function Actor({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  if (!event.actorUserId) {
    return <em className="audit-value--muted">{t('audit.system')}</em>;
  }
  const to = withQuery('/admin/audit', { actorUserId: event.actorUserId });
  return (
    <Link to={to} title={event.actorUserId} data-testid="audit-actor">
      {event.actorName ?? <em>{t('audit.deletedUser')}</em>}
    </Link>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  const { t, lang } = useI18n();
  const action = actionKey(event.action);
  const entity = hasWording('entities', event.entityType)
    ? t(`entities.${event.entityType}` as MessageKey)
    : event.entityType;
  return (
    <tr data-testid="audit-event">
      <td data-label={t('audit.time')} className="audit-time">
        <time dateTime={event.createdAt}>{formatDate(event.createdAt, lang, 'dateTimeSeconds')}</time>
      </td>
      <td data-label={t('audit.actor')}>
        <Actor event={event} />
      </td>
      <td data-label={t('audit.action')} className="audit-action">
        <div>
          {hasWording('audit.actions', action) ? (
            <>
              <span>{t(`audit.actions.${action}` as MessageKey)}</span>
              <code className="audit-code">{event.action}</code>
            </>
          ) : (
            <code>{event.action}</code>
          )}
        </div>
      </td>
      <td data-label={t('audit.entity')}>
        <div>
          <span>{entity}</span>
          <code className="audit-code">{event.entityId}</code>
        </div>
      </td>
      <td data-label={t('audit.changes')}>
        <Changes changes={event.changes} />
      </td>
      <td data-label={t('audit.ip')} className="audit-ip">
        {event.ip ?? '–'}
      </td>
    </tr>
  );
}

interface Loaded {
  key: string;
  events: AuditEvent[];
  nextCursor: number | null;
}

function AuditLog() {
  const { t } = useI18n();
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const key = JSON.stringify(filters);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: ApiError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  useEffect(() => {
    let active = true;
    fetchAuditPage(filters).then(
      (page) => {
        if (active) {
          setLoaded({ key, events: page.data, nextCursor: page.page.nextCursor });
          setFailure(null);
        }
      },
      (error: unknown) => {
        if (active) {
          setFailure({ key, error: toApiError(error) });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [filters, key, attempt]);

  const apply = (next: AuditFilters) => {
    const search = new URLSearchParams();
    for (const name of AUDIT_FILTER_KEYS) {
      const value = next[name];
      if (value) {
        search.set(name, value);
      }
    }
    setParams(search);
    setAttempt((n) => n + 1);
  };

  const loadMore = () => {
    if (!loaded || loaded.nextCursor === null) {
      return;
    }
    setMore({ busy: true, error: null });
    fetchAuditPage(filters, loaded.nextCursor).then(
      (page) => {
        setLoaded((current) =>
          current && current.key === key
            ? { key, events: [...current.events, ...page.data], nextCursor: page.page.nextCursor }
            : current,
        );
        setMore({ busy: false, error: null });
      },
      (error: unknown) => setMore({ busy: false, error: apiErrorText(toApiError(error), t) }),
    );
  };

  const current = loaded && loaded.key === key ? loaded : null;
  const currentFailure = failure && failure.key === key ? failure.error : null;

  return (
    <>
      <PageHeader title={t('audit.title')} intro={<p>{t('audit.intro')}</p>} />
      <div className="container page-body">
        <Filters filters={filters} onApply={apply} serverError={currentFailure} />
        {currentFailure && currentFailure.code !== 'VALIDATION_FAILED' ? (
          <ErrorState error={currentFailure} onRetry={() => setAttempt((n) => n + 1)} />
        ) : current ? (
          current.events.length === 0 ? (
            <EmptyState>{t('audit.empty')}</EmptyState>
          ) : (
            <>
              <p className="audit-meta" aria-live="polite">
                <span>{t('audit.shown', { count: current.events.length })}</span>
                <span>{t('audit.timeZoneNote')}</span>
              </p>
              <div className="audit-table-wrap">
                <table className="data-table data-table--stack audit-table" data-testid="audit-table">
                  <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.time')}</th>
                      <th scope="col">{t('audit.actor')}</th>
                      <th scope="col">{t('audit.action')}</th>
                      <th scope="col">{t('audit.entity')}</th>
                      <th scope="col">{t('audit.changes')}</th>
                      <th scope="col">{t('audit.ip')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {current.events.map((event) => (
                      <EventRow key={event.id} event={event} />
                    ))}
                  </tbody>
                </table>
              </div>
              {more.error ? <p className="state state--error">{more.error}</p> : null}
              {current.nextCursor !== null ? (
                <p className="audit-more">
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={more.busy}
                    onClick={loadMore}
                    data-testid="audit-load-more"
                  >
                    {more.busy ? t('forms.working') : t('audit.loadMore')}
                  </button>
                </p>
              ) : null}
            </>
          )
        ) : currentFailure ? null : (
          <LoadingState />
        )}
      </div>
    </>
  );
}

/** The audit log for administrators: filters, a table in Bangkok time, and "load more" with the cursor. */
export default function AuditPage() {
  return (
    <RequireAuth role="administrator">
      <AuditLog />
    </RequireAuth>
  );
}
