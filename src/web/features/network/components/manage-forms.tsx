import { useState, type FormEvent, type ReactNode } from 'react';
import {
  CONTRIBUTION_KINDS,
  LINK_TARGETS,
  PARTNER_ROLES,
  type ContributionKind,
  type LinkTarget,
  type Mou,
  type PartnerRole,
} from '@shared/contracts/network';
import type { DrivingUnit } from '@shared/contracts/identity';
import { FormAlert } from '@web/components/ui/form';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { BahtField, DateField, Field } from '@web/components/ui/fields';
import { spreadErrors } from '@web/lib/field-errors';
import { currentFiscalYearBe } from '@web/features/call-admin/bangkok-time';
import { toApiError } from '@web/lib/api';
import { useApi } from '@web/lib/use-api';
import { useI18n } from '@web/lib/i18n';
import { networkApi, useLinkTargets } from '../api';
import { nameIn, titleIn } from '../labels';

type Errors = { fields: Record<string, string>; rest: string[] };
const NO_ERRORS: Errors = { fields: {}, rest: [] };

/** A form in a panel that opens from a button; `onSubmit` returns whether it succeeded (then it closes). */
function Disclosure({
  openLabel,
  title,
  busy,
  errors,
  testId,
  onSubmit,
  children,
}: {
  openLabel: string;
  title: string;
  busy: boolean;
  errors: Errors;
  testId: string;
  onSubmit: () => Promise<boolean>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <p className="nw-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setOpen(true)}
          data-testid={`${testId}-open`}
        >
          {openLabel}
        </button>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit().then((ok) => {
      if (ok) {
        setOpen(false);
      }
    });
  };
  return (
    <form className="nw-form" onSubmit={submit} data-testid={testId} noValidate>
      <h3 className="nw-form__title">{title}</h3>
      {errors.rest.length > 0 ? (
        <FormAlert>
          {errors.rest.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </FormAlert>
      ) : null}
      <div className="nw-form__grid">{children}</div>
      <p className="nw-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid={`${testId}-save`}
        >
          {busy ? t('network.saving') : t('network.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('network.cancel')}
        </button>
      </p>
    </form>
  );
}

/** Runs a save, spreading the server's field problems over the form. */
function useSave() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const run = async (fields: readonly string[], send: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await send();
      return true;
    } catch (error) {
      const spread = spreadErrors(toApiError(error), (name) => fields.includes(name), t);
      setErrors({ fields: spread.fields, rest: spread.rest });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run };
}

/** Officers record an MOU: title, scope, dates and the unit that signed (or the agency). */
export function MouForm({ partnerId, onSaved }: { partnerId: string; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const units = useApi<DrivingUnit[]>('/api/driving-units');
  const { busy, errors, run } = useSave();
  const [values, setValues] = useState({
    titleTh: '',
    titleEn: '',
    scopeTh: '',
    signedOn: '',
    startsOn: '',
    endsOn: '',
    drivingUnitId: '',
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const fields = ['titleTh', 'titleEn', 'scopeTh', 'signedOn', 'startsOn', 'endsOn', 'drivingUnitId'];
  return (
    <Disclosure
      openLabel={t('network.mou.add')}
      title={t('network.mou.addTitle')}
      busy={busy}
      errors={errors}
      testId="mou-form"
      onSubmit={async () => {
        const ok = await run(fields, () =>
          networkApi.createMou(partnerId, {
            titleTh: values.titleTh,
            titleEn: values.titleEn,
            scopeTh: values.scopeTh,
            scopeEn: '',
            signedOn: values.signedOn,
            startsOn: values.startsOn || values.signedOn,
            endsOn: values.endsOn || null,
            drivingUnitId: values.drivingUnitId || null,
          }),
        );
        if (ok) {
          onSaved();
        }
        return ok;
      }}
    >
      <Field label={t('network.mou.titleTh')} error={errors.fields.titleTh} className="nw-form__wide">
        {(tie) => (
          <input
            {...tie}
            value={values.titleTh}
            maxLength={300}
            onChange={(e) => set('titleTh')(e.target.value)}
            data-testid="mou-title"
          />
        )}
      </Field>
      <Field label={t('network.mou.titleEn')} error={errors.fields.titleEn} className="nw-form__wide">
        {(tie) => (
          <input
            {...tie}
            value={values.titleEn}
            maxLength={300}
            onChange={(e) => set('titleEn')(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('network.mou.scopeTh')} error={errors.fields.scopeTh} className="nw-form__wide">
        {(tie) => (
          <textarea
            {...tie}
            rows={3}
            value={values.scopeTh}
            maxLength={4000}
            onChange={(e) => set('scopeTh')(e.target.value)}
            data-testid="mou-scope"
          />
        )}
      </Field>
      <DateField
        label={t('network.mou.signedOn')}
        value={values.signedOn}
        onChange={set('signedOn')}
        error={errors.fields.signedOn}
        testId="mou-signed"
      />
      <DateField
        label={t('network.mou.startsOn')}
        value={values.startsOn}
        onChange={set('startsOn')}
        error={errors.fields.startsOn}
        testId="mou-starts"
      />
      <DateField
        label={t('network.mou.endsOn')}
        value={values.endsOn}
        onChange={set('endsOn')}
        error={errors.fields.endsOn}
        testId="mou-ends"
      />
      <Field label={t('network.mou.unit')} error={errors.fields.drivingUnitId}>
        {(tie) => (
          <select
            {...tie}
            value={values.drivingUnitId}
            onChange={(e) => set('drivingUnitId')(e.target.value)}
            data-testid="mou-unit"
          >
            <option value="">{t('network.mou.agency')}</option>
            {(units.status === 'success' ? units.data : []).map((u) => (
              <option key={u.id} value={u.id}>
                {nameIn(u, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Disclosure>
  );
}

/** Officers record a contribution: cash or in kind, in baht (sent as satang), for a fiscal year. */
export function ContributionForm({
  partnerId,
  mous,
  onSaved,
}: {
  partnerId: string;
  mous: readonly Mou[];
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const { busy, errors, run } = useSave();
  const [kind, setKind] = useState<ContributionKind>('cash');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [fiscalYear, setFiscalYear] = useState(String(currentFiscalYearBe()));
  const [receivedOn, setReceivedOn] = useState('');
  const [mouId, setMouId] = useState('');
  /** `programme:<id>` or `project:<id>`: what the contribution supports, if anything. */
  const [supports, setSupports] = useState('');
  const targets = useLinkTargets(true);
  const options = targets.status === 'success' ? targets.data : [];
  const [supportKind, supportId] = supports.split(':');
  const fields = [
    'kind',
    'amountSatang',
    'descriptionTh',
    'fiscalYear',
    'receivedOn',
    'mouId',
    'programmeId',
    'projectId',
  ];
  const years = Array.from({ length: 8 }, (_, i) => currentFiscalYearBe() + 1 - i);
  return (
    <Disclosure
      openLabel={t('network.contribution.add')}
      title={t('network.contribution.addTitle')}
      busy={busy}
      errors={errors}
      testId="contribution-form"
      onSubmit={async () => {
        const satang = parseBahtInput(amount);
        const ok = await run(fields, () =>
          networkApi.addContribution(partnerId, {
            kind,
            amountSatang: typeof satang === 'number' ? satang : -1,
            descriptionTh: description,
            fiscalYear: Number(fiscalYear),
            receivedOn: receivedOn || null,
            mouId: mouId || null,
            programmeId: supportKind === 'programme' ? (supportId ?? null) : null,
            projectId: supportKind === 'project' ? (supportId ?? null) : null,
          }),
        );
        if (ok) {
          onSaved();
          setAmount('');
          setDescription('');
        }
        return ok;
      }}
    >
      <Field label={t('network.contribution.kind')} error={errors.fields.kind}>
        {(tie) => (
          <select
            {...tie}
            value={kind}
            onChange={(e) => setKind(e.target.value as ContributionKind)}
            data-testid="contribution-kind"
          >
            {CONTRIBUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`network.contributionKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <BahtField
        label={t('network.contribution.amount')}
        value={amount}
        onChange={setAmount}
        error={errors.fields.amountSatang}
        testId="contribution-amount"
      />
      <Field label={t('network.contribution.fiscalYear')} error={errors.fields.fiscalYear}>
        {(tie) => (
          <select
            {...tie}
            value={fiscalYear}
            onChange={(e) => setFiscalYear(e.target.value)}
            data-testid="contribution-year"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateField
        label={t('network.contribution.receivedOn')}
        value={receivedOn}
        onChange={setReceivedOn}
        error={errors.fields.receivedOn}
      />
      <Field label={t('network.contribution.mou')} error={errors.fields.mouId}>
        {(tie) => (
          <select {...tie} value={mouId} onChange={(e) => setMouId(e.target.value)}>
            <option value="">{t('network.none')}</option>
            {mous.map((m) => (
              <option key={m.id} value={m.id}>
                {titleIn(m, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('network.contribution.supports')}
        error={errors.fields.programmeId ?? errors.fields.projectId}
      >
        {(tie) => (
          <select
            {...tie}
            value={supports}
            onChange={(e) => setSupports(e.target.value)}
            data-testid="contribution-supports"
          >
            <option value="">{t('network.none')}</option>
            {(['programme', 'project'] as const).map((kind) => (
              <optgroup key={kind} label={t(`network.contribution.${kind}`)}>
                {options
                  .filter((o) => o.target === kind)
                  .map((o) => (
                    <option key={o.id} value={`${kind}:${o.id}`}>
                      {lang === 'en' && o.nameEn ? o.nameEn : o.nameTh}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('network.contribution.description')}
        error={errors.fields.descriptionTh}
        className="nw-form__wide"
      >
        {(tie) => (
          <input
            {...tie}
            value={description}
            maxLength={4000}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="contribution-description"
          />
        )}
      </Field>
    </Disclosure>
  );
}

/** Officers link a partner to a programme, a project or a driving unit, in one of its roles. */
export function LinkForm({
  partnerId,
  roles,
  onSaved,
}: {
  partnerId: string;
  roles: readonly PartnerRole[];
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const { busy, errors, run } = useSave();
  const targets = useLinkTargets(true);
  const [target, setTarget] = useState<LinkTarget>('programme');
  const [targetId, setTargetId] = useState('');
  const [role, setRole] = useState<PartnerRole>(roles[0] ?? 'co_funder');
  const options = (targets.status === 'success' ? targets.data : []).filter((o) => o.target === target);
  return (
    <Disclosure
      openLabel={t('network.link.add')}
      title={t('network.link.addTitle')}
      busy={busy}
      errors={errors}
      testId="link-form"
      onSubmit={async () => {
        const ok = await run(['target', 'targetId', 'role'], () =>
          networkApi.addLink(partnerId, { target, targetId, role }),
        );
        if (ok) {
          onSaved();
        }
        return ok;
      }}
    >
      <Field label={t('network.link.target')} error={errors.fields.target}>
        {(tie) => (
          <select
            {...tie}
            value={target}
            onChange={(e) => {
              setTarget(e.target.value as LinkTarget);
              setTargetId('');
            }}
            data-testid="link-target"
          >
            {LINK_TARGETS.map((k) => (
              <option key={k} value={k}>
                {t(`network.linkTarget.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('network.link.item')} error={errors.fields.targetId} className="nw-form__wide">
        {(tie) => (
          <select
            {...tie}
            value={targetId}
            onChange={(e) => setTargetId(e.target.value)}
            data-testid="link-item"
          >
            <option value="">{t('network.link.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {nameIn(o, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('network.link.role')} error={errors.fields.role}>
        {(tie) => (
          <select
            {...tie}
            value={role}
            onChange={(e) => setRole(e.target.value as PartnerRole)}
            data-testid="link-role"
          >
            {PARTNER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`network.role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Disclosure>
  );
}
