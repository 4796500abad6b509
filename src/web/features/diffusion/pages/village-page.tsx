import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { VillageProfile } from '@shared/contracts/diffusion';
import { PageHeader } from '@web/components/ui/page-header';
import { Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { spreadErrors } from '@web/lib/field-errors';
import { toApiError } from '@web/lib/api';
import { formatNumber, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { diffusionApi, useVillage } from '../api';
import { AdoptionList } from '../components/adoption-list';
import { MetricsCards } from '../components/metrics-cards';
import { UpdateList } from '../components/update-list';
import { nameIn, titleIn } from '../labels';
import { useMetaDescription } from '@web/lib/page-title';
import '@web/components/ui/form.css';
import '../diffusion.css';

function VillageEditor({ village, onSaved }: { village: VillageProfile; onSaved: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({
    nameTh: village.nameTh,
    nameEn: village.nameEn,
    descriptionTh: village.descriptionTh,
    descriptionEn: village.descriptionEn,
  });
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('diffusion.village.edit')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    diffusionApi.updateVillage(village.id, values).then(
      () => {
        setBusy(false);
        setOpen(false);
        onSaved();
      },
      (error: unknown) => {
        setBusy(false);
        const spread = spreadErrors(toApiError(error), (name) => name in values, t);
        setErrors({ fields: spread.fields, rest: spread.rest });
      },
    );
  };
  const text = (key: keyof typeof values, label: string, multiline = false) => (
    <Field label={label} error={errors.fields[key]} className="df-form__wide">
      {(tie) =>
        multiline ? (
          <textarea
            {...tie}
            rows={3}
            value={values[key]}
            onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
          />
        ) : (
          <input
            {...tie}
            value={values[key]}
            onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
          />
        )
      }
    </Field>
  );
  return (
    <form className="df-form df-card" onSubmit={submit} noValidate>
      {errors.rest.length > 0 ? (
        <FormAlert>
          {errors.rest.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </FormAlert>
      ) : null}
      {text('nameTh', t('diffusion.village.nameTh'))}
      {text('nameEn', t('diffusion.village.nameEn'))}
      {text('descriptionTh', t('diffusion.village.descriptionTh'), true)}
      {text('descriptionEn', t('diffusion.village.descriptionEn'), true)}
      <p className="df-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('diffusion.saving') : t('diffusion.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('diffusion.cancel')}
        </button>
      </p>
    </form>
  );
}

function VillageView({ village, reload }: { village: VillageProfile; reload: () => void }) {
  const { t, lang } = useI18n();
  const name = nameIn(village, lang);
  const title = t('diffusion.village.title', { no: village.villageNo, name });
  usePageTitle(title);
  const adoptedInnovations = useMemo(() => {
    const seen = new Map<string, { id: string; titleTh: string; titleEn: string }>();
    for (const a of village.adoptions) {
      seen.set(a.innovation.id, a.innovation);
    }
    return [...seen.values()];
  }, [village.adoptions]);
  useMetaDescription(
    t('diffusion.village.description', {
      name,
      no: village.villageNo,
      subdistrict: village.areaNames.subdistrictTh,
      province: village.areaNames.provinceTh,
      count: village.originOf.length + adoptedInnovations.length,
      people: formatNumber(village.metrics.beneficiaryTotal, lang),
    }),
  );
  const description = localText(village, 'description', lang);
  return (
    <>
      <PageHeader
        title={title}
        eyebrow={t('diffusion.village.eyebrow')}
        intro={t('diffusion.village.area', {
          subdistrict: village.areaNames.subdistrictTh,
          district: village.areaNames.districtTh,
          province: village.areaNames.provinceTh,
        })}
      />
      <div className="container page-body df-page" data-testid="village-page">
        {description ? <p className="df-prewrap df-lead">{description}</p> : null}
        {village.canEdit ? (
          <VillageEditor
            key={`${village.nameTh}|${village.descriptionTh}`}
            village={village}
            onSaved={reload}
          />
        ) : null}
        <div className="df-columns">
          {village.originOf.length > 0 ? (
            <section aria-labelledby="df-origin-title" className="df-card">
              <h2 id="df-origin-title">{t('diffusion.village.origin')}</h2>
              <ul className="df-links">
                {village.originOf.map((i) => (
                  <li key={i.id}>
                    <Link to={`/innovations/${i.id}`}>{titleIn(i, lang)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {adoptedInnovations.length > 0 ? (
            <section aria-labelledby="df-adopted-title" className="df-card">
              <h2 id="df-adopted-title">{t('diffusion.village.adopted')}</h2>
              <ul className="df-links">
                {adoptedInnovations.map((i) => (
                  <li key={i.id}>
                    <Link to={`/innovations/${i.id}`}>{titleIn(i, lang)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <section aria-labelledby="df-indicators-title">
          <h2 id="df-indicators-title">{t('diffusion.village.indicators')}</h2>
          <MetricsCards metrics={village.metrics} hide={['provinces', 'target']} />
          {village.metrics.beneficiaries.length > 0 ? (
            <ul className="df-groups">
              {village.metrics.beneficiaries.map((b) => (
                <li key={b.group}>
                  <span>{t(`diffusion.beneficiaryGroup.${b.group}`)}</span>{' '}
                  <strong>{formatNumber(b.count, lang)}</strong>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section aria-labelledby="df-adopters-title">
          <h2 id="df-adopters-title">{t('diffusion.village.adopters')}</h2>
          <AdoptionList adoptions={village.adoptions} showInnovation />
        </section>
        <section aria-labelledby="df-stories-title">
          <h2 id="df-stories-title">{t('diffusion.village.stories')}</h2>
          <UpdateList updates={village.updates} empty={t('diffusion.village.noStories')} />
        </section>
      </div>
    </>
  );
}

/** `/villages/:id`: a village's innovations (born here and adopted), adopters, indicators and stories (public). */
export default function VillagePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const village = useVillage(id);
  // While a change reloads it, the page keeps showing what it had (no flash; focus stays put).
  const [last, setLast] = useState<VillageProfile | null>(null);
  if (village.status === 'success' && last !== village.data) {
    setLast(village.data);
  }
  const shown = village.status === 'success' ? village.data : last?.id === id ? last : null;
  if (village.status === 'error') {
    return village.error.status === 404 ? (
      <NotFoundState
        title={t('common.notFoundTitle')}
        text={t('common.notFoundText')}
        back={{ to: '/diffusion', label: t('diffusion.overview.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={village.error} onRetry={village.reload} />
      </div>
    );
  }
  if (!shown) {
    return <LoadingState />;
  }
  return <VillageView village={shown} reload={village.reload} />;
}
