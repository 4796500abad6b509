import { useState } from 'react';
import type { InnovationDetail } from '@shared/contracts/innovations';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { BahtField, Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { formatBaht, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { innovationApi, useInnovationChoices } from '../api';
import { usePanelAction } from './panel-action';

interface StepRow {
  titleTh: string;
  detailTh: string;
  weeks: string;
}

interface CostRow {
  itemTh: string;
  amount: string;
}

/** Officers mark a diffusion-ready model and write its adoption package: steps, costs, resources, partners. */
export function DiffusionPanel({
  innovation,
  onChanged,
}: {
  innovation: InnovationDetail;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const choices = useInnovationChoices(true);
  const pack = innovation.adoptionPackage;
  const { busy, problem, run } = usePanelAction(onChanged);
  const [ready, setReady] = useState(innovation.isDiffusionReady);
  const [steps, setSteps] = useState<StepRow[]>(
    pack?.steps.map((s) => ({
      titleTh: s.titleTh,
      detailTh: s.detailTh,
      weeks: s.weeks === null ? '' : String(s.weeks),
    })) ?? [],
  );
  const [costs, setCosts] = useState<CostRow[]>(
    pack?.costs.map((c) => ({ itemTh: c.itemTh, amount: String(c.amountSatang / 100) })) ?? [],
  );
  const [resourcesTh, setResourcesTh] = useState(pack?.resourcesTh ?? '');
  const [partnerIds, setPartnerIds] = useState<string[]>(pack?.partners.map((p) => p.id) ?? []);
  const total = costs.reduce((sum, c) => {
    const satang = parseBahtInput(c.amount);
    return typeof satang === 'number' ? sum + satang : sum;
  }, 0);
  const set = <T,>(list: T[], index: number, change: Partial<T>) =>
    list.map((row, i) => (i === index ? { ...row, ...change } : row));

  const save = () => {
    const existing = pack ?? null;
    const body = {
      version: innovation.version,
      isDiffusionReady: ready,
      adoptionPackage:
        steps.length === 0 && costs.length === 0 && !resourcesTh.trim() && partnerIds.length === 0
          ? null
          : {
              steps: steps.map((s, i) => ({
                titleTh: s.titleTh,
                titleEn: existing?.steps[i]?.titleEn ?? '',
                detailTh: s.detailTh,
                detailEn: existing?.steps[i]?.detailEn ?? '',
                weeks: s.weeks ? Number(s.weeks) : null,
              })),
              costs: costs.map((c, i) => ({
                itemTh: c.itemTh,
                itemEn: existing?.costs[i]?.itemEn ?? '',
                amountSatang: parseBahtInput(c.amount) ?? Number.NaN,
              })),
              resourcesTh,
              resourcesEn: existing?.resourcesEn ?? '',
              partnerIds,
            },
    };
    run(() => innovationApi.setDiffusion(innovation.id, body));
  };

  return (
    <section className="in-aside" aria-labelledby="in-diffusion">
      <h2 id="in-diffusion" className="in-aside__title">
        {t('innovations.editor.diffusion')}
      </h2>
      <label className="in-check">
        <input type="checkbox" checked={ready} onChange={(e) => setReady(e.target.checked)} />
        {t('innovations.editor.isDiffusionReady')}
      </label>
      <h3>{t('innovations.page.steps')}</h3>
      {steps.map((step, index) => (
        <div key={index} className="in-row">
          <Field label={t('innovations.editor.stepTitle', { n: index + 1 })}>
            {(tie) => (
              <input
                {...tie}
                value={step.titleTh}
                maxLength={300}
                onChange={(e) => setSteps(set(steps, index, { titleTh: e.target.value }))}
              />
            )}
          </Field>
          <Field label={t('innovations.editor.stepDetail')}>
            {(tie) => (
              <input
                {...tie}
                value={step.detailTh}
                maxLength={1000}
                onChange={(e) => setSteps(set(steps, index, { detailTh: e.target.value }))}
              />
            )}
          </Field>
          <Field label={t('innovations.editor.stepWeeks')}>
            {(tie) => (
              <input
                {...tie}
                inputMode="numeric"
                value={step.weeks}
                maxLength={3}
                onChange={(e) => setSteps(set(steps, index, { weeks: e.target.value.replace(/\D/g, '') }))}
              />
            )}
          </Field>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setSteps(steps.filter((_, i) => i !== index))}
          >
            {t('innovations.editor.removeRow')}
          </button>
        </div>
      ))}
      <p className="in-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setSteps([...steps, { titleTh: '', detailTh: '', weeks: '' }])}
        >
          {t('innovations.editor.addStep')}
        </button>
      </p>
      <h3>{t('innovations.page.costs')}</h3>
      {costs.map((cost, index) => (
        <div key={index} className="in-row">
          <Field label={t('innovations.editor.costItem')}>
            {(tie) => (
              <input
                {...tie}
                value={cost.itemTh}
                maxLength={300}
                onChange={(e) => setCosts(set(costs, index, { itemTh: e.target.value }))}
              />
            )}
          </Field>
          <BahtField
            label={t('innovations.editor.costAmount')}
            value={cost.amount}
            onChange={(amount) => setCosts(set(costs, index, { amount }))}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCosts(costs.filter((_, i) => i !== index))}
          >
            {t('innovations.editor.removeRow')}
          </button>
        </div>
      ))}
      <p className="in-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setCosts([...costs, { itemTh: '', amount: '' }])}
        >
          {t('innovations.editor.addCost')}
        </button>
        <strong aria-live="polite">
          {t('innovations.editor.total', { amount: formatBaht(total, lang) })}
        </strong>
      </p>
      <Field label={t('innovations.editor.resourcesTh')}>
        {(tie) => (
          <textarea
            {...tie}
            rows={3}
            value={resourcesTh}
            maxLength={8000}
            onChange={(e) => setResourcesTh(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="in-checks">
        <legend>{t('innovations.editor.partners')}</legend>
        {(choices.status === 'success' ? choices.data.partners : []).map((p) => (
          <label key={p.id} className="in-check">
            <input
              type="checkbox"
              checked={partnerIds.includes(p.id)}
              onChange={(e) =>
                setPartnerIds(e.target.checked ? [...partnerIds, p.id] : partnerIds.filter((x) => x !== p.id))
              }
            />
            {localName(p, lang)}
          </label>
        ))}
      </fieldset>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      <p className="in-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={save}
          data-testid="innovation-save-package"
        >
          {t('innovations.editor.savePackage')}
        </button>
      </p>
    </section>
  );
}
