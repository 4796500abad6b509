import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  KNOWLEDGE_AUDIENCES,
  KNOWLEDGE_KINDS,
  KNOWLEDGE_LANGUAGES,
  type KnowledgeAudience,
  type KnowledgeKind,
  type Resource,
} from '@shared/contracts/knowledge';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { Field } from '@web/components/ui/fields';
import { spreadErrors } from '@web/lib/field-errors';
import { toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { knowledgeApi, sizeText, useResource } from '../api';
import '@web/components/ui/form.css';
import '@web/features/network/network.css';
import '../knowledge.css';

interface Values {
  kind: KnowledgeKind;
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  themes: ThemeCode[];
  audiences: KnowledgeAudience[];
  language: (typeof KNOWLEDGE_LANGUAGES)[number];
  externalUrl: string;
}

const EMPTY: Values = {
  kind: 'toolkit',
  titleTh: '',
  titleEn: '',
  summaryTh: '',
  summaryEn: '',
  themes: [],
  audiences: [],
  language: 'th',
  externalUrl: '',
};

const FIELDS = [
  'kind',
  'titleTh',
  'titleEn',
  'summaryTh',
  'summaryEn',
  'themes',
  'audiences',
  'language',
  'externalUrl',
];

function valuesOf(r: Resource): Values {
  return {
    kind: r.kind,
    titleTh: r.titleTh,
    titleEn: r.titleEn,
    summaryTh: r.summaryTh,
    summaryEn: r.summaryEn,
    themes: [...r.themes],
    audiences: [...r.audiences],
    language: r.language,
    externalUrl: r.externalUrl ?? '',
  };
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

function FileAndStatus({ resource, onChanged }: { resource: Resource; onChanged: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (error: unknown) => {
    const e = toApiError(error);
    const issue = (e.details as { issues?: Array<{ message: string }> } | undefined)?.issues?.[0];
    setProblem(issue?.message ?? apiErrorText(e, t));
  };
  const act = (send: () => Promise<unknown>, after: () => void = onChanged) => {
    setBusy(true);
    setProblem(null);
    send()
      .then(after, fail)
      .finally(() => setBusy(false));
  };
  return (
    <section className="nw-section" aria-labelledby="kn-file">
      <h2 id="kn-file">{t('network.resourceForm.file')}</h2>
      <p>
        {resource.file ? (
          <>
            {resource.file.fileName} <span className="nw-muted">· {sizeText(resource.file.sizeBytes)}</span>
          </>
        ) : (
          <span className="nw-muted">{t('network.resourceForm.noFile')}</span>
        )}
      </p>
      <div className="field form-field">
        <label htmlFor="kn-upload">{t('network.resourceForm.upload')}</label>
        <p className="field__hint">{t('network.resourceForm.uploadHint')}</p>
        <input
          ref={input}
          id="kn-upload"
          type="file"
          disabled={busy}
          accept=".pdf,.doc,.docx,.odt,.xls,.xlsx,.ods,.ppt,.pptx,.odp,.png,.jpg,.jpeg,.webp"
          data-testid="resource-upload"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) {
              act(() => knowledgeApi.upload(resource.id, file));
              if (input.current) {
                input.current.value = '';
              }
            }
          }}
        />
      </div>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      <p className="nw-actions">
        <Badge tone={resource.status === 'published' ? 'success' : 'accent'}>
          {t(`network.status.${resource.status}`)}
        </Badge>
        {resource.status === 'draft' ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            data-testid="resource-publish"
            onClick={() => act(() => knowledgeApi.publish(resource.id, { version: resource.version }))}
          >
            {t('network.resourceForm.publish')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => act(() => knowledgeApi.unpublish(resource.id, { version: resource.version }))}
          >
            {t('network.resourceForm.unpublish')}
          </button>
        )}
        <Link to={`/knowledge/${resource.id}`} className="button button--secondary">
          {t('network.resourceForm.view')}
        </Link>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('network.confirmRemove', { name: resource.titleTh }))) {
              act(
                () => knowledgeApi.remove(resource.id),
                () => void navigate('/admin/knowledge'),
              );
            }
          }}
        >
          {t('network.resourceForm.delete')}
        </button>
      </p>
    </section>
  );
}

function ResourceForm({ resource, onChanged }: { resource: Resource | null; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(resource ? valuesOf(resource) : EMPTY);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const title = resource ? t('network.resourceForm.editTitle') : t('network.resourceForm.newTitle');
  usePageTitle(title);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { ...values, externalUrl: values.externalUrl.trim() || null };
    setBusy(true);
    setErrors({ fields: {}, rest: [] });
    const send = resource
      ? knowledgeApi.update(resource.id, { version: resource.version, ...body })
      : knowledgeApi.create({ ...body, drivingUnitId: null });
    send.then(
      (saved) => {
        setBusy(false);
        if (resource) {
          onChanged();
        } else {
          void navigate(`/admin/knowledge/${saved.id}`);
        }
      },
      (error: unknown) => {
        setBusy(false);
        const spread = spreadErrors(
          toApiError(error),
          (name) => FIELDS.includes(name.split('.')[0] ?? name),
          t,
        );
        const fields: Record<string, string> = {};
        for (const [name, message] of Object.entries(spread.fields)) {
          fields[name.split('.')[0] ?? name] = message;
        }
        setErrors({ fields, rest: spread.stale ? [t('network.stale')] : spread.rest });
        if (spread.stale) {
          onChanged();
        }
      },
    );
  };

  return (
    <>
      <PageHeader title={title} back={{ to: '/admin/knowledge', label: t('network.manage.title') }} />
      <div className="container page-body kn-page">
        {resource ? <FileAndStatus resource={resource} onChanged={onChanged} /> : null}
        <form className="nw-form nw-form--page" onSubmit={submit} noValidate data-testid="resource-form">
          {errors.rest.length > 0 ? (
            <FormAlert>
              {errors.rest.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </FormAlert>
          ) : null}
          <div className="nw-form__grid">
            <Field label={t('network.resourceForm.kind')} error={errors.fields.kind}>
              {(tie) => (
                <select
                  {...tie}
                  value={values.kind}
                  onChange={(e) => set('kind', e.target.value as KnowledgeKind)}
                  data-testid="resource-kind"
                >
                  {KNOWLEDGE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`network.knowledgeKind.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('network.resourceForm.language')} error={errors.fields.language}>
              {(tie) => (
                <select
                  {...tie}
                  value={values.language}
                  onChange={(e) => set('language', e.target.value as Values['language'])}
                >
                  {KNOWLEDGE_LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {t(`network.language.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('network.resourceForm.titleTh')}
              error={errors.fields.titleTh}
              className="nw-form__wide"
            >
              {(tie) => (
                <input
                  {...tie}
                  value={values.titleTh}
                  maxLength={300}
                  onChange={(e) => set('titleTh', e.target.value)}
                  data-testid="resource-title"
                />
              )}
            </Field>
            <Field
              label={t('network.resourceForm.titleEn')}
              error={errors.fields.titleEn}
              className="nw-form__wide"
            >
              {(tie) => (
                <input
                  {...tie}
                  lang="en"
                  value={values.titleEn}
                  maxLength={300}
                  onChange={(e) => set('titleEn', e.target.value)}
                />
              )}
            </Field>
            <Field
              label={t('network.resourceForm.summaryTh')}
              error={errors.fields.summaryTh}
              className="nw-form__wide"
            >
              {(tie) => (
                <textarea
                  {...tie}
                  rows={4}
                  value={values.summaryTh}
                  maxLength={4000}
                  onChange={(e) => set('summaryTh', e.target.value)}
                />
              )}
            </Field>
            <Field
              label={t('network.resourceForm.summaryEn')}
              error={errors.fields.summaryEn}
              className="nw-form__wide"
            >
              {(tie) => (
                <textarea
                  {...tie}
                  lang="en"
                  rows={3}
                  value={values.summaryEn}
                  maxLength={4000}
                  onChange={(e) => set('summaryEn', e.target.value)}
                />
              )}
            </Field>
            <fieldset className="nw-form__wide nw-checks">
              <legend>{t('network.resourceForm.themes')}</legend>
              {THEMES.map((theme) => (
                <label key={theme.code} className="nw-check">
                  <input
                    type="checkbox"
                    checked={values.themes.includes(theme.code)}
                    onChange={(e) => set('themes', toggle(values.themes, theme.code, e.target.checked))}
                  />
                  {lang === 'en' ? theme.nameEn : theme.nameTh}
                </label>
              ))}
            </fieldset>
            <fieldset className="nw-form__wide nw-checks">
              <legend>{t('network.resourceForm.audiences')}</legend>
              {KNOWLEDGE_AUDIENCES.map((a) => (
                <label key={a} className="nw-check">
                  <input
                    type="checkbox"
                    checked={values.audiences.includes(a)}
                    onChange={(e) => set('audiences', toggle(values.audiences, a, e.target.checked))}
                  />
                  {t(`network.audience.${a}`)}
                </label>
              ))}
            </fieldset>
            <Field
              label={t('network.resourceForm.externalUrl')}
              error={errors.fields.externalUrl}
              className="nw-form__wide"
            >
              {(tie) => (
                <input
                  {...tie}
                  type="url"
                  placeholder="https://"
                  value={values.externalUrl}
                  onChange={(e) => set('externalUrl', e.target.value)}
                />
              )}
            </Field>
          </div>
          <p className="nw-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="resource-save"
            >
              {busy ? t('network.saving') : resource ? t('network.save') : t('network.resourceForm.create')}
            </button>
          </p>
        </form>
      </div>
    </>
  );
}

function EditResource({ id }: { id: string }) {
  const resource = useResource(id);
  if (resource.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={resource.error} onRetry={resource.reload} />
      </div>
    );
  }
  if (resource.status !== 'success') {
    return <LoadingState />;
  }
  return <ResourceForm key={resource.data.version} resource={resource.data} onChanged={resource.reload} />;
}

/** `/admin/knowledge/new` and `/admin/knowledge/:id`: staff add a resource, attach its file or link, and publish. */
export default function ResourceEditPage() {
  const { id } = useParams();
  return (
    <RequireAuth>
      {id && id !== 'new' ? (
        <EditResource id={id} />
      ) : (
        <ResourceForm resource={null} onChanged={() => undefined} />
      )}
    </RequireAuth>
  );
}
