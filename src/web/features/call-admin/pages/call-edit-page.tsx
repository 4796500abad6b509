import { Link, useNavigate, useParams } from 'react-router';
import { useState } from 'react';
import type { CallDetail } from '@shared/contracts/calls';
import { FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useNotice } from '@web/features/organisations/use-notice';
import { formatDate, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCall } from '../api';
import { callStages, callToForm, emptyCallForm } from '../call-form-values';
import { CallAdminLinks } from '../components/call-admin-links';
import { CallForm } from '../components/call-form';
import { CallStatusActions } from '../components/call-status-actions';
import { ProblemStatementsSection } from '../components/problem-statements-section';
import { RequireOfficer } from '../components/require-officer';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../call-admin.css';

function CallLinks({ call }: { call: CallDetail }) {
  const { t, lang } = useI18n();
  return (
    <nav className="panel-card ca-section" aria-label={t('calls.admin.edit.linksLabel')}>
      <h2>{t('calls.admin.edit.forms')}</h2>
      <ul className="ca-form-links">
        {callStages(call).map((stage) => {
          const form = call.forms.find((f) => f.stage === stage);
          return (
            <li key={stage}>
              <Link to={`/admin/calls/${call.id}/form/${stage}`} data-testid={`form-link-${stage}`}>
                {t(`calls.admin.stage.${stage}`)}
              </Link>
              <span className="ca-muted">
                {form
                  ? form.frozenAt
                    ? t('calls.admin.edit.formFrozen', {
                        version: form.version,
                        date: formatDate(form.frozenAt, lang, 'medium'),
                      })
                    : t('calls.admin.edit.formVersion', { version: form.version })
                  : t('calls.admin.edit.noForm')}
              </span>
            </li>
          );
        })}
        <li>
          <Link to={`/admin/calls/${call.id}/proposals`}>{t('calls.admin.edit.proposals')}</Link>
        </li>
        {call.status !== 'draft' ? (
          <li>
            <Link to={`/calls/${call.id}`}>{t('calls.admin.edit.publicPage')}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function NewCall() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [initial] = useState(() => emptyCallForm());
  usePageTitle(t('calls.admin.new.title'));
  return (
    <>
      <PageHeader
        title={t('calls.admin.new.title')}
        intro={<p>{t('calls.admin.new.intro')}</p>}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
      <div className="container page-body">
        <div className="panel-card">
          <CallForm
            initial={initial}
            cancelTo="/admin/calls"
            onSaved={(saved) =>
              void navigate(`/admin/calls/${saved.id}/edit`, { state: { notice: 'created' } })
            }
          />
        </div>
      </div>
    </>
  );
}

function EditCall({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const call = useCall(id);
  const notice = useNotice();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  // The call as a status step left it, shown at once while the page loads it again.
  const [stepped, setStepped] = useState<CallDetail | null>(null);
  usePageTitle(call.status === 'success' ? localText(call.data, 'title', lang) : t('calls.admin.edit.title'));

  if (call.status === 'error') {
    return call.error.isNotFound || call.error.status === 400 ? (
      <NotFoundState
        title={t('calls.admin.edit.notFound')}
        text={t('calls.admin.edit.notFoundText')}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={call.error} onRetry={call.reload} />
      </div>
    );
  }
  if (call.status !== 'success') {
    return <LoadingState />;
  }
  const current =
    stepped && stepped.status !== call.data.status && stepped.version >= call.data.version
      ? stepped
      : call.data;
  return (
    <>
      <PageHeader
        title={localText(current, 'title', lang)}
        eyebrow={<code>{current.code}</code>}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      >
        <CallStatusActions
          call={current}
          onChanged={(saved) => {
            setStepped(saved);
            call.reload();
          }}
        />
        <CallAdminLinks callId={current.id} stages={callStages(current)} current="details" />
      </PageHeader>
      <div className="container page-body ca-edit">
        {notice === 'created' && savedVersion === null ? (
          <div className="ca-notice">
            <FormSuccess>{t('calls.admin.edit.created')}</FormSuccess>
          </div>
        ) : null}
        <CallLinks call={current} />
        <section className="panel-card ca-section" aria-labelledby="ca-call-details">
          <h2 id="ca-call-details">{t('calls.admin.edit.details')}</h2>
          {savedVersion !== null && savedVersion === current.version ? (
            <div className="ca-notice" aria-live="polite">
              <FormSuccess>{t('calls.admin.edit.saved')}</FormSuccess>
            </div>
          ) : null}
          {current.abilities.edit ? (
            <CallForm
              key={current.version}
              initial={callToForm(current)}
              editing={{ id: current.id, version: current.version }}
              cancelTo="/admin/calls"
              onSaved={(saved) => {
                setSavedVersion(saved.version);
                call.reload();
              }}
              onReloadLatest={call.reload}
            />
          ) : (
            <p className="state state--empty">{t('calls.admin.edit.cannotEdit')}</p>
          )}
        </section>
        <ProblemStatementsSection call={current} onChanged={call.reload} />
      </div>
    </>
  );
}

function CallEditor() {
  const { id } = useParams();
  return id ? <EditCall id={id} /> : <NewCall />;
}

/** `/admin/calls/new` and `/admin/calls/:id/edit`: the call form, its status steps, forms and problem statements. */
export default function CallEditPage() {
  return (
    <RequireOfficer>
      <CallEditor />
    </RequireOfficer>
  );
}
