import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { NEED_LIMITS, UpdateNeedBodySchema, type NeedAction, type NeedDetail } from '@shared/contracts/needs';
import { ADOPTION_STATUSES, type AdoptionStatus } from '@shared/contracts/diffusion';
import { THEMES } from '@shared/reference/themes';
import { FieldError, SaveProblemAlert, SubmitButton, describedBy } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { useDistricts, useSubdistricts } from '@web/features/provinces/api';
import { toApiError } from '@web/lib/api';
import { spreadErrors } from '@web/lib/field-errors';
import { formatDate, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useMetaDescription } from '@web/lib/page-title';
import { needsApi, useNeed, useNeedMatches } from '../api';
import { MatchList } from '../components/match-list';
import { NeedStatusBadge, issuesByField, provinceName, themeName } from '../labels';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../needs.css';

/** District and subdistrict names of a need's area (when the geography is loaded). */
function AreaNames({ need }: { need: NeedDetail }) {
  const { t, lang } = useI18n();
  const districts = useDistricts(need.districtCode === null ? null : need.provinceCode);
  const subdistricts = useSubdistricts(need.subdistrictCode === null ? null : need.districtCode);
  const district =
    districts.status === 'success' ? districts.data.find((d) => d.code === need.districtCode) : undefined;
  const subdistrict =
    subdistricts.status === 'success'
      ? subdistricts.data.find((s) => s.code === need.subdistrictCode)
      : undefined;
  const village = [need.villageNo ? t('needs.detail.village', { no: need.villageNo }) : '', need.villageName]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {[village, subdistrict ? localName(subdistrict, lang) : '', district ? localName(district, lang) : '']
        .concat(provinceName(need.provinceCode, lang))
        .filter(Boolean)
        .join(', ')}
    </>
  );
}

function Moderation({
  need,
  onChanged,
  onReload,
}: {
  need: NeedDetail;
  onChanged: (next: NeedDetail) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<NeedAction | null>(null);
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const [noteError, setNoteError] = useState<string | undefined>();

  const act = async (action: NeedAction) => {
    if (action === 'reject' && note.trim() === '') {
      setNoteError(t('errors.needs.REJECT_NOTE_REQUIRED'));
      return;
    }
    setNoteError(undefined);
    setProblem(null);
    setBusy(action);
    try {
      onChanged(await needsApi.act(need.id, { action, note: note.trim(), version: need.version }));
      setNote('');
    } catch (error) {
      const spread = spreadErrors(toApiError(error), (field) => field === 'note', t);
      setNoteError(spread.fields.note);
      if (spread.rest.length > 0) {
        setProblem({ kind: spread.stale ? 'stale' : 'error', message: spread.rest.join(' ') });
      }
    } finally {
      setBusy(null);
    }
  };

  if (need.abilities.actions.length === 0) {
    return null;
  }
  return (
    <div className="nd-moderation" data-testid="need-moderation">
      <h3>{t('needs.detail.moderation')}</h3>
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('needs.detail.reload')}
          onReloadLatest={onReload}
        />
      ) : null}
      <div className="field form-field form-textarea" data-invalid={noteError ? 'true' : undefined}>
        <label htmlFor={`${id}-note`}>
          {need.abilities.actions.includes('reject')
            ? t('needs.detail.note')
            : t('needs.detail.noteOptional')}
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={NEED_LIMITS.note}
          value={note}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={describedBy(noteError ? `${id}-note-error` : undefined)}
          onChange={(event) => setNote(event.target.value)}
          data-testid="need-note"
        />
        <FieldError id={`${id}-note-error`} message={noteError} />
      </div>
      <p className="nd-actions">
        {need.abilities.actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'publish' ? 'button button--primary' : 'button button--secondary'}
            disabled={busy !== null}
            onClick={() => void act(action)}
            data-testid={`need-${action}`}
          >
            {busy === action ? t('forms.working') : t(`needs.action.${action}`)}
          </button>
        ))}
      </p>
    </div>
  );
}

function EditForm({
  need,
  onSaved,
  onCancel,
  onReload,
}: {
  need: NeedDetail;
  onSaved: (next: NeedDetail) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [theme, setTheme] = useState<string>(need.theme);
  const [titleTh, setTitleTh] = useState(need.titleTh);
  const [descriptionTh, setDescriptionTh] = useState(need.descriptionTh);
  const [people, setPeople] = useState(String(need.peopleAffected));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = UpdateNeedBodySchema.safeParse({
      theme,
      titleTh,
      descriptionTh,
      peopleAffected: people === '' ? 0 : Number(people),
      version: need.version,
    });
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues, t));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await needsApi.update(need.id, parsed.data));
    } catch (error) {
      const spread = spreadErrors(toApiError(error), (field) => field in parsed.data, t);
      setErrors(spread.fields);
      if (spread.rest.length > 0) {
        setProblem({ kind: spread.stale ? 'stale' : 'error', message: spread.rest.join(' ') });
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: string,
    label: string,
    control: (ids: { id: string; describedBy?: string | undefined }) => ReactElement,
  ) => (
    <div className="field form-field" data-invalid={errors[name] ? 'true' : undefined}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control({
        id: `${id}-${name}`,
        describedBy: describedBy(errors[name] ? `${id}-${name}-error` : undefined),
      })}
      <FieldError id={`${id}-${name}-error`} message={errors[name]} />
    </div>
  );

  return (
    <form
      className="nd-edit"
      noValidate
      onSubmit={(event) => void submit(event)}
      data-testid="need-edit-form"
    >
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('needs.detail.reload')}
          onReloadLatest={onReload}
        />
      ) : null}
      {field('theme', t('needs.form.theme'), (ids) => (
        <select
          id={ids.id}
          aria-describedby={ids.describedBy}
          value={theme}
          onChange={(e) => setTheme(e.target.value)}
        >
          {THEMES.map((x) => (
            <option key={x.code} value={x.code}>
              {lang === 'en' ? x.nameEn : x.nameTh}
            </option>
          ))}
        </select>
      ))}
      {field('titleTh', t('needs.form.titleTh'), (ids) => (
        <input
          id={ids.id}
          aria-describedby={ids.describedBy}
          maxLength={NEED_LIMITS.title}
          value={titleTh}
          onChange={(e) => setTitleTh(e.target.value)}
          data-testid="need-edit-title"
        />
      ))}
      {field('descriptionTh', t('needs.form.descriptionTh'), (ids) => (
        <textarea
          id={ids.id}
          aria-describedby={ids.describedBy}
          rows={6}
          maxLength={NEED_LIMITS.description}
          value={descriptionTh}
          onChange={(e) => setDescriptionTh(e.target.value)}
        />
      ))}
      {field('peopleAffected', t('needs.form.peopleAffected'), (ids) => (
        <input
          id={ids.id}
          aria-describedby={ids.describedBy}
          type="number"
          min={0}
          value={people}
          onChange={(e) => setPeople(e.target.value)}
        />
      ))}
      <p className="nd-actions">
        <SubmitButton busy={busy} busyLabel={t('forms.working')}>
          {t('needs.detail.save')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('needs.detail.cancel')}
        </button>
      </p>
    </form>
  );
}

function StaffPanel({
  need,
  onChanged,
  onReload,
}: {
  need: NeedDetail;
  onChanged: (next: NeedDetail) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const info = need.private;
  if (!info) {
    return null;
  }
  const editable = need.status === 'pending' || need.status === 'published';
  return (
    <section className="panel-card nd-staff" aria-labelledby="need-staff-title" data-testid="need-private">
      <h2 id="need-staff-title">{t('needs.detail.private')}</h2>
      <dl className="nd-facts">
        <div>
          <dt>{t('needs.detail.requesterName')}</dt>
          <dd>{info.requesterName}</dd>
        </div>
        {info.requesterOrganisation ? (
          <div>
            <dt>{t('needs.detail.requesterOrganisation')}</dt>
            <dd>{info.requesterOrganisation}</dd>
          </div>
        ) : null}
        {info.contactEmail ? (
          <div>
            <dt>{t('needs.detail.contactEmail')}</dt>
            <dd>
              <a href={`mailto:${info.contactEmail}`}>{info.contactEmail}</a>
            </dd>
          </div>
        ) : null}
        {info.contactPhone ? (
          <div>
            <dt>{t('needs.detail.contactPhone')}</dt>
            <dd>
              <a href={`tel:${info.contactPhone.replace(/[^\d+]/g, '')}`}>{info.contactPhone}</a>
            </dd>
          </div>
        ) : null}
        {info.contactConsentedAt ? (
          <div>
            <dt>{t('needs.detail.consentedAt')}</dt>
            <dd>{formatDate(info.contactConsentedAt, lang)}</dd>
          </div>
        ) : null}
        {info.moderationNote ? (
          <div>
            <dt>{t('needs.detail.moderationNote')}</dt>
            <dd className="nd-prewrap">{info.moderationNote}</dd>
          </div>
        ) : null}
      </dl>
      {saved ? (
        <p className="nd-success" role="status">
          {t('needs.detail.saved')}
        </p>
      ) : null}
      {editing ? (
        <EditForm
          need={need}
          onCancel={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
          onSaved={(next) => {
            setEditing(false);
            setSaved(true);
            onChanged(next);
          }}
        />
      ) : editable ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
            data-testid="need-edit"
          >
            {t('needs.detail.edit')}
          </button>
        </p>
      ) : null}
      <Moderation key={need.version} need={need} onChanged={onChanged} onReload={onReload} />
    </section>
  );
}

function Matches({ needId }: { needId: string }) {
  const { t } = useI18n();
  const matches = useNeedMatches(needId);
  return (
    <section className="nd-section" aria-labelledby="need-matches-title">
      <h2 id="need-matches-title">{t('needs.detail.matches')}</h2>
      <p className="nd-muted">{t('needs.matches.intro')}</p>
      {matches.status === 'error' ? (
        <ErrorState error={matches.error} onRetry={matches.reload} />
      ) : matches.status !== 'success' ? (
        <LoadingState />
      ) : (
        <MatchList list={matches.data} />
      )}
    </section>
  );
}

const isAdoptionStatus = (status: string) => (ADOPTION_STATUSES as readonly string[]).includes(status);

/** `/needs/:id`: a need (public when published, without who posted it), its adoptions and its matches. */
export default function NeedPage() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const loaded = useNeed(id);
  const [changed, setChanged] = useState<NeedDetail | null>(null);
  const need = changed && changed.id === id ? changed : loaded.status === 'success' ? loaded.data : null;
  usePageTitle(need?.titleTh ?? t('needs.list.title'));
  useMetaDescription(need ? need.descriptionTh.slice(0, 200) : null);

  if (loaded.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  if (!need) {
    return <LoadingState />;
  }
  return (
    <>
      <PageHeader
        title={need.titleTh}
        titleLang="th"
        back={{ to: '/needs', label: t('needs.detail.back') }}
        eyebrow={
          <span className="nd-eyebrow">
            <span>{themeName(need.theme, lang)}</span>
            <NeedStatusBadge status={need.status} />
          </span>
        }
      />
      <div
        className={
          need.private
            ? 'container page-body nd-page nd-detail nd-detail--staff'
            : 'container page-body nd-page nd-detail'
        }
      >
        <div className="nd-detail__main">
          <section className="panel-card" aria-labelledby="need-about">
            <h2 id="need-about" className="visually-hidden">
              {t('needs.detail.description')}
            </h2>
            <dl className="nd-facts">
              <div>
                <dt>{t('needs.detail.area')}</dt>
                <dd>
                  <AreaNames need={need} />
                </dd>
              </div>
              <div>
                <dt>{t('needs.detail.people')}</dt>
                <dd>{t('needs.detail.peopleCount', { count: formatNumber(need.peopleAffected, lang) })}</dd>
              </div>
              <div>
                <dt>{t('needs.detail.requesterType')}</dt>
                <dd>{t(`needs.requesterType.${need.requesterType}`)}</dd>
              </div>
              <div>
                <dt>{t('needs.detail.postedOn')}</dt>
                <dd>{formatDate(need.createdAt, lang)}</dd>
              </div>
            </dl>
            <p className="nd-prewrap nd-description" lang="th">
              {need.descriptionTh}
            </p>
          </section>
          <section className="nd-section" aria-labelledby="need-adoptions-title">
            <h2 id="need-adoptions-title">{t('needs.detail.adoptions')}</h2>
            {need.adoptions.length === 0 ? (
              <p className="nd-muted">{t('needs.detail.noAdoptions')}</p>
            ) : (
              <ul className="nd-adoptions" data-testid="need-adoptions">
                {need.adoptions.map((a) => (
                  <li key={a.id}>
                    <Link to={`/adoptions/${a.id}`}>
                      {lang === 'en' && a.innovationTitleEn ? a.innovationTitleEn : a.innovationTitleTh}
                    </Link>
                    <span className="nd-muted">
                      {' — '}
                      {a.adopterName} ·{' '}
                      {isAdoptionStatus(a.status)
                        ? t(`needs.adoptionStatus.${a.status as AdoptionStatus}`)
                        : a.status}{' '}
                      · {formatDate(a.statusOn, lang)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <Matches needId={need.id} />
        </div>
        <StaffPanel
          need={need}
          onChanged={setChanged}
          onReload={() => {
            setChanged(null);
            loaded.reload();
          }}
        />
      </div>
    </>
  );
}
