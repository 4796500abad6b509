import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PersonDetail } from '@shared/contracts/mentoring';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useProvinces } from '@web/features/provinces/api';
import { formatDate, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { mentoringApi, usePerson } from '../api';
import { DateField, Field } from '@web/components/ui/fields';
import { RecordStats } from '../components/record-stats';
import { useFormCommand } from '../components/use-form-command';
import { ExpertiseList, RoleBadges, nameIn } from '../labels';
import '@web/components/ui/form.css';
import '../mentoring.css';

const RECOGNITION_FIELDS = ['titleTh', 'titleEn', 'awardedOn', 'note'] as const;

function RecognitionForm({ person, onSaved }: { person: PersonDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const [titleTh, setTitleTh] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [awardedOn, setAwardedOn] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const { errors, busy, run } = useFormCommand(RECOGNITION_FIELDS);
  return (
    <form
      className="me-form me-form--inline"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void run(
          () => mentoringApi.addRecognition(person.id, { titleTh, titleEn, awardedOn, note }),
          () => {
            setTitleTh('');
            setTitleEn('');
            setAwardedOn('');
            setNote('');
            setSaved(true);
            onSaved();
          },
        );
      }}
    >
      <h3>{t('mentoring.personnel.addRecognition')}</h3>
      <Field label={t('mentoring.personnel.recognitionTitle')} error={errors.fields.titleTh}>
        {(tie) => (
          <input {...tie} value={titleTh} maxLength={300} onChange={(e) => setTitleTh(e.target.value)} />
        )}
      </Field>
      <Field label={t('mentoring.personnel.recognitionTitleEn')} error={errors.fields.titleEn}>
        {(tie) => (
          <input {...tie} value={titleEn} maxLength={300} onChange={(e) => setTitleEn(e.target.value)} />
        )}
      </Field>
      <DateField
        label={t('mentoring.personnel.awardedOn')}
        error={errors.fields.awardedOn}
        value={awardedOn}
        onChange={setAwardedOn}
      />
      <Field label={t('mentoring.personnel.note')} error={errors.fields.note}>
        {(tie) => <input {...tie} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      {saved ? <FormSuccess>{t('mentoring.personnel.recognitionSaved')}</FormSuccess> : null}
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('mentoring.personnel.addRecognition')}
        </button>
      </div>
    </form>
  );
}

/** A person of the registry: profile, record and recognitions; managers edit and recognise. */
export default function PersonPage() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const person = usePerson(id);
  const provinces = useProvinces();
  const bioId = useId();
  const recordId = useId();
  const recognitionsId = useId();
  usePageTitle(person.status === 'success' ? person.data.nameTh : t('mentoring.personnel.title'));

  if (person.status === 'error') {
    return person.error.isNotFound ? (
      <NotFoundState
        title={t('mentoring.personnel.notFound')}
        text={t('mentoring.personnel.notFoundText')}
        back={{ to: '/personnel', label: t('mentoring.personnel.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={person.error} onRetry={person.reload} />
      </div>
    );
  }
  if (person.status !== 'success') {
    return <LoadingState />;
  }
  const p = person.data;
  const province =
    provinces.status === 'success' ? provinces.data.find((row) => row.code === p.provinceCode) : undefined;
  const bio = lang === 'en' && p.bioEn ? p.bioEn : p.bioTh;
  const unit = nameIn(lang, p.drivingUnitNameTh, p.drivingUnitNameEn);

  return (
    <>
      <PageHeader
        title={nameIn(lang, p.nameTh, p.nameEn)}
        back={{ to: '/personnel', label: t('mentoring.personnel.title') }}
        eyebrow={<RoleBadges roles={p.roles} />}
        intro={
          <p>
            {unit || t('mentoring.personnel.noUnit')}
            {province ? ` · ${localName(province, lang)}` : ''}
          </p>
        }
      >
        <p className="me-header-links">
          {p.isMentor && p.isActive ? (
            <Link to="/mentoring/new" className="button button--primary">
              {t('mentoring.personnel.askMentoring')}
            </Link>
          ) : null}
          {p.abilities.edit ? (
            <Link
              to={`/personnel/${p.id}/edit`}
              className="button button--secondary"
              data-testid="edit-person"
            >
              {t('mentoring.personnel.edit')}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body me-page me-person">
        {!p.isActive ? <p className="me-note">{t('mentoring.personnel.inactive')}</p> : null}
        <section className="me-section" aria-labelledby={recordId}>
          <h2 id={recordId}>{t('mentoring.personnel.recordTitle')}</h2>
          <RecordStats record={p.record} />
        </section>
        <section className="me-section" aria-labelledby={bioId}>
          <h2 id={bioId}>{t('mentoring.personnel.profile')}</h2>
          <ExpertiseList expertise={p.expertise} />
          {p.isMentor ? <p className="me-muted">{t('mentoring.personnel.openToRequests')}</p> : null}
          {bio ? <p className="me-prewrap">{bio}</p> : null}
        </section>
        <section className="me-section" aria-labelledby={recognitionsId}>
          <h2 id={recognitionsId}>{t('mentoring.personnel.recognitions')}</h2>
          {p.recognitions.length === 0 ? (
            <p className="me-muted">{t('mentoring.personnel.noRecognitions')}</p>
          ) : (
            <ul className="me-recognitions" data-testid="recognitions">
              {p.recognitions.map((r) => (
                <li key={r.id}>
                  <strong>{nameIn(lang, r.titleTh, r.titleEn)}</strong>
                  <span className="me-muted">
                    {formatDate(r.awardedOn, lang, 'long')}
                    {r.note ? ` · ${r.note}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {p.abilities.recognise ? <RecognitionForm person={p} onSaved={person.reload} /> : null}
        </section>
      </div>
    </>
  );
}
