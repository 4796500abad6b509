import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Province } from '@shared/contracts/geo';
import { UpdateProvinceGroupBodySchema, type ProvinceGroup } from '@shared/contracts/reference';
import { REGIONS } from '@shared/reference/regions';
import {
  FieldError,
  FormAlert,
  FormSuccess,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useProvinces } from '@web/features/provinces/api';
import { fieldIssues, toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { apiErrorText, contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { targetGroupApi, useTargetGroupFresh } from '../api';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../target-group.css';

const DetailsSchema = UpdateProvinceGroupBodySchema.pick({
  nameTh: true,
  nameEn: true,
  descriptionTh: true,
  descriptionEn: true,
}).extend({ source: z.string().trim().max(500) });
type DetailsValues = z.input<typeof DetailsSchema>;
const DETAIL_FIELDS = ['nameTh', 'nameEn', 'descriptionTh', 'descriptionEn', 'source'] as const;

interface Member {
  provinceCode: number;
  nameTh: string;
  nameEn: string;
}

type Outcome = { kind: 'ok'; message: string } | { kind: 'problem'; message: string } | null;

function detailsOf(group: ProvinceGroup): DetailsValues {
  return {
    nameTh: group.nameTh,
    nameEn: group.nameEn,
    descriptionTh: group.descriptionTh,
    descriptionEn: group.descriptionEn,
    source: group.source ?? '',
  };
}

/** Members in rank order (unranked ones last, in the order the server gave them). */
function membersOf(group: ProvinceGroup): Member[] {
  return group.members
    .map((member, index) => ({ member, index }))
    .sort(
      (a, b) =>
        (a.member.rank ?? Number.MAX_SAFE_INTEGER) - (b.member.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    )
    .map(({ member }) => ({
      provinceCode: member.provinceCode,
      nameTh: member.nameTh,
      nameEn: member.nameEn,
    }));
}

function ArrowIcon({ up }: { up: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M8 13V3M3.5 7.5 8 3l4.5 4.5' : 'M8 3v10M3.5 8.5 8 13l4.5-4.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function RemoveIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M4 4l8 8M12 4l-8 8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

function Editor({ group, provinces }: { group: ProvinceGroup; provinces: Province[] }) {
  const { t, lang } = useI18n();
  const resolver = useMemo(() => contractResolver(DetailsSchema, t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<DetailsValues>({ resolver, defaultValues: detailsOf(group) });
  const [members, setMembers] = useState<Member[]>(() => membersOf(group));
  const [memberErrors, setMemberErrors] = useState<Record<number, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [announcement, setAnnouncement] = useState('');
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string | undefined>(undefined);
  const [focusAfter, setFocusAfter] = useState<{ code: number; action: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addId = useId();
  const membersHintId = useId();

  // Keep the keyboard on the province that was just moved (its button may have become disabled at the edge).
  useEffect(() => {
    if (!focusAfter || !listRef.current) {
      return;
    }
    const row = listRef.current.querySelector(`[data-code="${focusAfter.code}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-action="${focusAfter.action}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-action="${focusAfter.action === 'up' ? 'down' : 'up'}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const name = (member: Member) => localName(member, lang);
  const inGroup = new Set(members.map((m) => m.provinceCode));
  const available = provinces.filter((p) => !inGroup.has(p.code));

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const member = members[index];
    if (!member || target < 0 || target >= members.length) {
      return;
    }
    const next = [...members];
    next.splice(index, 1);
    next.splice(target, 0, member);
    setMembers(next);
    setMemberErrors({});
    setAnnouncement(t('targetGroup.movedTo', { name: name(member), rank: target + 1 }));
    setFocusAfter({ code: member.provinceCode, action: by < 0 ? 'up' : 'down' });
  };

  const remove = (index: number) => {
    const member = members[index];
    if (!member) {
      return;
    }
    setMembers(members.filter((_, i) => i !== index));
    setMemberErrors({});
    setAnnouncement(t('targetGroup.removed', { name: name(member) }));
  };

  const add = () => {
    const province = provinces.find((p) => String(p.code) === choice);
    if (!province || inGroup.has(province.code)) {
      setChoiceError(t('targetGroup.chooseFirst'));
      return;
    }
    const member = { provinceCode: province.code, nameTh: province.nameTh, nameEn: province.nameEn };
    setMembers([...members, member]);
    setChoice('');
    setChoiceError(undefined);
    setMemberErrors({});
    setAnnouncement(t('targetGroup.added', { name: name(member), rank: members.length + 1 }));
  };

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    setMemberErrors({});
    const source = values.source.trim();
    try {
      const saved = await targetGroupApi.update({
        nameTh: values.nameTh.trim(),
        nameEn: values.nameEn.trim(),
        descriptionTh: values.descriptionTh,
        descriptionEn: values.descriptionEn,
        source: source === '' ? null : source,
        members: members.map((member, index) => ({ provinceCode: member.provinceCode, rank: index + 1 })),
      });
      reset(detailsOf(saved));
      setMembers(membersOf(saved));
      setOutcome({ kind: 'ok', message: t('targetGroup.saved', { count: saved.members.length }) });
    } catch (caught) {
      const error = toApiError(caught);
      const { fields } = serverFormErrors(error, DETAIL_FIELDS, t);
      const invalid = DETAIL_FIELDS.filter((field) => fields[field] !== undefined);
      for (const field of invalid) {
        setError(field, { type: 'server', message: fields[field] });
      }
      const rows: Record<number, string> = {};
      for (const issue of fieldIssues(error)) {
        const match = /^body\.members\.(\d+)/.exec(issue.field);
        const code = match ? members[Number(match[1])]?.provinceCode : undefined;
        if (code !== undefined && rows[code] === undefined) {
          rows[code] = issue.messageEn === undefined ? apiErrorText(error, t) : issue.message;
        }
      }
      setMemberErrors(rows);
      const first = invalid[0];
      if (first) {
        setFocus(first);
      }
      // The alert says what went wrong unless the only problems sit under the text fields.
      if (invalid.length === 0 || Object.keys(rows).length > 0) {
        setOutcome({ kind: 'problem', message: apiErrorText(error, t) });
      }
    }
  });

  return (
    <form
      className="form panel-form tg-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="target-group-form"
    >
      <fieldset className="panel-form__section">
        <legend>{t('targetGroup.details')}</legend>
        <div className="panel-form__grid">
          <TextField
            label={t('targetGroup.nameTh')}
            lang="th"
            maxLength={200}
            error={errors.nameTh?.message}
            registration={register('nameTh')}
          />
          <TextField
            label={t('targetGroup.nameEn')}
            lang="en"
            maxLength={200}
            error={errors.nameEn?.message}
            registration={register('nameEn')}
          />
        </div>
        <TextAreaField
          label={t('targetGroup.descriptionTh')}
          lang="th"
          rows={3}
          maxLength={2000}
          error={errors.descriptionTh?.message}
          registration={register('descriptionTh')}
        />
        <TextAreaField
          label={t('targetGroup.descriptionEn')}
          lang="en"
          rows={3}
          maxLength={2000}
          error={errors.descriptionEn?.message}
          registration={register('descriptionEn')}
        />
        <TextField
          label={t('targetGroup.source')}
          hint={t('targetGroup.sourceHint')}
          type="url"
          inputMode="url"
          spellCheck={false}
          maxLength={500}
          error={errors.source?.message}
          registration={register('source')}
        />
      </fieldset>

      <fieldset className="panel-form__section" aria-describedby={membersHintId}>
        <legend>
          {t('targetGroup.members')}{' '}
          <span className="tg-count">({t('targetGroup.count', { count: members.length })})</span>
        </legend>
        <p id={membersHintId} className="field__hint">
          {t('targetGroup.membersHint')}
        </p>
        {members.length === 0 ? (
          <p className="tg-empty">{t('targetGroup.empty')}</p>
        ) : (
          <ol className="tg-list" ref={listRef} data-testid="target-members">
            {members.map((member, index) => {
              const memberName = name(member);
              const problem = memberErrors[member.provinceCode];
              const problemId = `${addId}-row-${member.provinceCode}`;
              return (
                <li
                  key={member.provinceCode}
                  className="tg-row"
                  data-code={member.provinceCode}
                  data-testid="target-member"
                  data-invalid={problem ? 'true' : undefined}
                  aria-describedby={problem ? problemId : undefined}
                >
                  <span className="tg-row__rank" aria-label={t('targetGroup.rank', { rank: index + 1 })}>
                    {index + 1}
                  </span>
                  <span className="tg-row__name">
                    <span>{memberName}</span>
                    <span className="tg-row__code">{member.provinceCode}</span>
                  </span>
                  <span className="tg-row__buttons">
                    <button
                      type="button"
                      className="button button--secondary tg-icon"
                      data-action="up"
                      aria-label={t('targetGroup.moveUp', { name: memberName })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowIcon up />
                    </button>
                    <button
                      type="button"
                      className="button button--secondary tg-icon"
                      data-action="down"
                      aria-label={t('targetGroup.moveDown', { name: memberName })}
                      disabled={index === members.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowIcon up={false} />
                    </button>
                    <button
                      type="button"
                      className="button button--danger tg-icon"
                      data-action="remove"
                      aria-label={t('targetGroup.remove', { name: memberName })}
                      onClick={() => remove(index)}
                    >
                      <RemoveIcon />
                    </button>
                  </span>
                  {problem ? (
                    <div className="tg-row__problem">
                      <FieldError id={problemId} message={problem} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>

        <div className="tg-add field form-field" data-invalid={choiceError ? 'true' : undefined}>
          <label htmlFor={addId}>{t('targetGroup.addLabel')}</label>
          {available.length === 0 ? (
            <p className="field__hint">{t('targetGroup.allIn')}</p>
          ) : (
            <div className="tg-add__row">
              <select
                id={addId}
                value={choice}
                onChange={(event) => {
                  setChoice(event.target.value);
                  setChoiceError(undefined);
                }}
                aria-invalid={choiceError ? true : undefined}
                aria-describedby={choiceError ? `${addId}-error` : undefined}
                data-testid="add-province"
              >
                <option value="">{t('targetGroup.choose')}</option>
                {REGIONS.map((region) => {
                  const inRegion = available.filter((p) => p.regionCode === region.code);
                  return inRegion.length === 0 ? null : (
                    <optgroup key={region.code} label={localName(region, lang)}>
                      {inRegion.map((province) => (
                        <option key={province.code} value={province.code}>
                          {localName(province, lang)}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
              <button
                type="button"
                className="button button--secondary"
                onClick={add}
                data-testid="add-province-button"
              >
                {t('targetGroup.add')}
              </button>
            </div>
          )}
          <FieldError id={`${addId}-error`} message={choiceError} />
        </div>
      </fieldset>

      <div aria-live="polite" className="tg-outcome">
        {outcome?.kind === 'ok' ? <FormSuccess>{outcome.message}</FormSuccess> : null}
      </div>
      {outcome?.kind === 'problem' ? (
        <FormAlert testId="target-group-error">{outcome.message}</FormAlert>
      ) : null}

      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('targetGroup.saving')}>
          {t('targetGroup.save')}
        </SubmitButton>
      </div>
    </form>
  );
}

function TargetGroup() {
  const { t } = useI18n();
  usePageTitle(t('targetGroup.title'));
  const group = useTargetGroupFresh();
  const provinces = useProvinces();

  let body;
  if (group.status === 'error') {
    body = <ErrorState error={group.error} onRetry={group.reload} />;
  } else if (provinces.status === 'error') {
    body = <ErrorState error={provinces.error} onRetry={provinces.reload} />;
  } else if (group.status !== 'success' || provinces.status !== 'success') {
    body = <LoadingState />;
  } else {
    body = <Editor group={group.data} provinces={provinces.data} />;
  }

  return (
    <>
      <PageHeader
        title={t('targetGroup.title')}
        intro={
          <>
            <p>{t('targetGroup.intro')}</p>
            <p>{t('targetGroup.introOrder')}</p>
          </>
        }
      />
      <div className="container page-body">
        <div className="panel-card">{body}</div>
      </div>
    </>
  );
}

/** Administrators: the poor-province target group's names, description, source and ranked provinces. */
export default function TargetGroupPage() {
  return (
    <RequireAuth role="administrator">
      <TargetGroup />
    </RequireAuth>
  );
}
