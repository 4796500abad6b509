import { useId, useState } from 'react';
import { AreaAnswerSchema, type AreaAnswer, type Question } from '@shared/contracts/forms';
import type { District, Subdistrict } from '@shared/contracts/geo';
import { PROVINCES } from '@shared/reference/provinces';
import { FieldError } from '@web/components/ui/form';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { useApi } from '@web/lib/use-api';
import { useRenderer } from './context';
import { GroupFrame, type FrameProps } from './frames';
import { domIdOf, issueText, issuesOfQuestion } from './issues';

type AreaQuestionType = Extract<Question, { type: 'area' }>;

export function useDistrictList(provinceCode: number | null) {
  return useApi<District[]>(provinceCode === null ? null : `/api/geo/provinces/${provinceCode}/districts`);
}

export function useSubdistrictList(districtCode: number | null) {
  return useApi<Subdistrict[]>(
    districtCode === null ? null : `/api/geo/districts/${districtCode}/subdistricts`,
  );
}

/** The area answers of a value (anything not an area is left out). */
export function areaList(value: unknown): AreaAnswer[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((v) => {
    const parsed = AreaAnswerSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

export function provinceName(code: number, lang: 'th' | 'en'): string {
  const province = PROVINCES.find((p) => p.code === code);
  return province ? localName(province, lang) : String(code);
}

/** "ต.ในเมือง · อ.เมืองขอนแก่น · ขอนแก่น": the names of an area, smallest first. */
export function AreaName({ area }: { area: AreaAnswer }) {
  const { lang } = useI18n();
  const districts = useDistrictList(area.districtCode ? area.provinceCode : null);
  const subdistricts = useSubdistrictList(
    area.subdistrictCode && area.districtCode ? area.districtCode : null,
  );
  const district =
    districts.status === 'success' ? districts.data.find((d) => d.code === area.districtCode) : undefined;
  const subdistrict =
    subdistricts.status === 'success'
      ? subdistricts.data.find((s) => s.code === area.subdistrictCode)
      : undefined;
  const parts = [
    area.subdistrictCode ? (subdistrict ? localName(subdistrict, lang) : String(area.subdistrictCode)) : null,
    area.districtCode ? (district ? localName(district, lang) : String(area.districtCode)) : null,
    provinceName(area.provinceCode, lang),
  ].filter((p): p is string => p !== null);
  return <>{parts.join(' · ')}</>;
}

function sameArea(a: AreaAnswer, b: AreaAnswer): boolean {
  return (
    a.provinceCode === b.provinceCode &&
    (a.districtCode ?? null) === (b.districtCode ?? null) &&
    (a.subdistrictCode ?? null) === (b.subdistrictCode ?? null)
  );
}

const codeOf = (text: string): number | null => (text === '' ? null : Number(text));

/** An area picker: chosen areas as a list, and province → district → subdistrict selects to add one. */
export function AreaQuestion({
  question,
  frame,
  value,
}: {
  question: AreaQuestionType;
  frame: FrameProps;
  value: unknown;
}) {
  const { t, lang } = useI18n();
  const { prefix, issues, update } = useRenderer();
  const areas = areaList(value);
  const [province, setProvince] = useState('');
  const [district, setDistrict] = useState('');
  const [subdistrict, setSubdistrict] = useState('');
  const adderId = useId();
  const needsDistrict = question.level !== 'province';
  const needsSubdistrict = question.level === 'subdistrict';
  const districts = useDistrictList(needsDistrict ? codeOf(province) : null);
  const subdistricts = useSubdistrictList(needsSubdistrict ? codeOf(district) : null);
  const collator = new Intl.Collator(lang);
  const byName = (a: { nameTh: string; nameEn: string }, b: { nameTh: string; nameEn: string }) =>
    collator.compare(localName(a, lang), localName(b, lang));
  const field = `answers.${question.id}`;
  const rowIssues = issuesOfQuestion(issues, question.id).filter((i) => i.field !== field);

  const candidate: AreaAnswer | null =
    province === '' || (needsDistrict && district === '') || (needsSubdistrict && subdistrict === '')
      ? null
      : {
          provinceCode: Number(province),
          ...(needsDistrict ? { districtCode: Number(district) } : {}),
          ...(needsSubdistrict ? { subdistrictCode: Number(subdistrict) } : {}),
        };
  const replaces = !question.multiple && areas.length > 0;
  const canAdd = candidate !== null && !areas.some((a) => sameArea(a, candidate));

  const add = () => {
    if (!candidate) {
      return;
    }
    update(question.id, (previous) => (question.multiple ? [...areaList(previous), candidate] : [candidate]));
    setDistrict('');
    setSubdistrict('');
  };

  const remove = (index: number) =>
    update(question.id, (previous) => areaList(previous).filter((_, i) => i !== index));

  const levelNote =
    question.level === 'province'
      ? t('proposals.form.area.levelProvince')
      : question.level === 'district'
        ? t('proposals.form.area.levelDistrict')
        : t('proposals.form.area.levelSubdistrict');

  return (
    <GroupFrame {...frame} note={levelNote}>
      {areas.length === 0 ? (
        <p className="fr-table__empty">{t('proposals.form.area.none')}</p>
      ) : (
        <ul className="fr-area-list" aria-label={t('proposals.form.area.chosen')}>
          {areas.map((area, index) => {
            const itemField = `${field}.${index}`;
            const problem = rowIssues.find(
              (i) => i.field === itemField || i.field.startsWith(`${itemField}.`),
            );
            return (
              <li
                key={`${area.provinceCode}-${area.districtCode ?? ''}-${area.subdistrictCode ?? ''}`}
                id={domIdOf(prefix, itemField)}
              >
                <span className="fr-area-list__name">
                  <AreaName area={area} />
                </span>
                <button
                  type="button"
                  className="fr-small-button fr-small-button--danger"
                  aria-label={t('proposals.form.area.removeLabel', {
                    name: provinceName(area.provinceCode, lang),
                  })}
                  onClick={() => remove(index)}
                >
                  {t('proposals.form.area.remove')}
                </button>
                <FieldError
                  id={`${domIdOf(prefix, itemField)}-error`}
                  message={problem ? issueText(problem, t, lang) : undefined}
                />
              </li>
            );
          })}
        </ul>
      )}
      <div className="fr-area-adder" role="group" aria-labelledby={`${adderId}-title`}>
        <p className="fr-area-adder__title" id={`${adderId}-title`}>
          {t('proposals.form.area.adder')}
        </p>
        <div className="fr-area-adder__selects">
          <div className="fr-part">
            <label htmlFor={`${adderId}-province`}>{t('proposals.form.area.province')}</label>
            <select
              id={`${adderId}-province`}
              value={province}
              onChange={(e) => {
                setProvince(e.target.value);
                setDistrict('');
                setSubdistrict('');
              }}
            >
              <option value="">{t('proposals.form.area.chooseProvince')}</option>
              {[...PROVINCES].sort(byName).map((p) => (
                <option key={p.code} value={String(p.code)}>
                  {localName(p, lang)}
                </option>
              ))}
            </select>
          </div>
          {needsDistrict ? (
            <div className="fr-part">
              <label htmlFor={`${adderId}-district`}>{t('proposals.form.area.district')}</label>
              <select
                id={`${adderId}-district`}
                value={district}
                disabled={province === '' || districts.status !== 'success'}
                onChange={(e) => {
                  setDistrict(e.target.value);
                  setSubdistrict('');
                }}
              >
                <option value="">
                  {province !== '' && districts.status === 'loading'
                    ? t('common.loading')
                    : t('proposals.form.area.chooseDistrict')}
                </option>
                {districts.status === 'success'
                  ? [...districts.data].sort(byName).map((d) => (
                      <option key={d.code} value={String(d.code)}>
                        {localName(d, lang)}
                      </option>
                    ))
                  : null}
              </select>
            </div>
          ) : null}
          {needsSubdistrict ? (
            <div className="fr-part">
              <label htmlFor={`${adderId}-subdistrict`}>{t('proposals.form.area.subdistrict')}</label>
              <select
                id={`${adderId}-subdistrict`}
                value={subdistrict}
                disabled={district === '' || subdistricts.status !== 'success'}
                onChange={(e) => setSubdistrict(e.target.value)}
              >
                <option value="">
                  {district !== '' && subdistricts.status === 'loading'
                    ? t('common.loading')
                    : t('proposals.form.area.chooseSubdistrict')}
                </option>
                {subdistricts.status === 'success'
                  ? [...subdistricts.data].sort(byName).map((s) => (
                      <option key={s.code} value={String(s.code)}>
                        {localName(s, lang)}
                      </option>
                    ))
                  : null}
              </select>
            </div>
          ) : null}
        </div>
        <button type="button" className="fr-small-button" disabled={!canAdd} onClick={add}>
          {replaces ? t('proposals.form.area.replace') : `+ ${t('proposals.form.area.add')}`}
        </button>
      </div>
    </GroupFrame>
  );
}
