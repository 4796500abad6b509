import type { LogicModelAnswer, Question, SrlAnswer } from '@shared/contracts/forms';
import { LOGIC_MODEL_PARTS } from '@shared/contracts/forms';
import { isEmptyAnswer } from '@shared/forms/validate';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES } from '@shared/reference/themes';
import { formatBaht, formatDate, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { AreaName, areaList } from './area-question';
import { useRenderer } from './context';
import { fileIds } from './file-question';
import { formatFileSize } from './file-kinds';
import { localized } from './frames';
import { TABLE_COLUMNS, tableRows, type TableQuestionType } from './table-question';

function ReadTable({ question, value }: { question: TableQuestionType; value: unknown }) {
  const { t, lang } = useI18n();
  const rows = tableRows(value);
  const columns = TABLE_COLUMNS[question.type];
  const cellText = (kind: string, raw: unknown): string => {
    if (kind === 'money') {
      return typeof raw === 'number' ? formatBaht(raw, lang) : '';
    }
    if (kind === 'date') {
      return typeof raw === 'string' && raw ? formatDate(raw, lang, 'medium') : '';
    }
    if (kind === 'category') {
      return typeof raw === 'string' && raw ? t(`proposals.form.budget.categories.${raw as 'other'}`) : '';
    }
    return typeof raw === 'string' ? raw : '';
  };
  const total =
    question.type === 'budget_table'
      ? rows.reduce((sum, row) => sum + (typeof row.amountSatang === 'number' ? row.amountSatang : 0), 0)
      : null;
  return (
    <div className="fr-table-wrap">
      <table className="data-table data-table--stack fr-read-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map((c) => (
              <th scope="col" key={c.key} className={c.kind === 'money' ? 'numeric' : undefined}>
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td data-label="#">{index + 1}</td>
              {columns.map((c) => (
                <td
                  key={c.key}
                  data-label={t(c.label)}
                  className={c.kind === 'money' ? 'numeric' : undefined}
                >
                  {cellText(c.kind, row[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {total !== null ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={columns.length}>
                {t('proposals.form.budget.total')}
              </th>
              <td className="numeric" data-label={t('proposals.form.budget.total')}>
                {formatBaht(total, lang)}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** An answer as read-only content, in the person's language (money in baht, dates in the Buddhist Era). */
export function AnswerView({ question: q, value }: { question: Question; value: unknown }) {
  const { t, lang } = useI18n();
  const { files } = useRenderer();
  if (isEmptyAnswer(value)) {
    return <p className="fr-answer__none">{t('proposals.form.noAnswer')}</p>;
  }
  switch (q.type) {
    case 'short_text':
    case 'long_text':
      return <p className="fr-answer__text">{typeof value === 'string' ? value : ''}</p>;
    case 'number': {
      const unit = localized(q.unitTh, q.unitEn, lang);
      return (
        <p>
          {typeof value === 'number' ? formatNumber(value, lang, { maximumFractionDigits: 6 }) : ''}
          {unit ? ` ${unit}` : ''}
        </p>
      );
    }
    case 'money':
      return <p>{typeof value === 'number' ? formatBaht(value, lang) : ''}</p>;
    case 'date':
      return <p>{typeof value === 'string' ? formatDate(value, lang, 'long') : ''}</p>;
    case 'single_choice': {
      const option = q.options.find((o) => o.value === value);
      return <p>{option ? localized(option.labelTh, option.labelEn, lang) : String(value)}</p>;
    }
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <ul className="fr-answer__list">
          {q.options
            .filter((o) => chosen.includes(o.value))
            .map((o) => (
              <li key={o.value}>{localized(o.labelTh, o.labelEn, lang)}</li>
            ))}
        </ul>
      );
    }
    case 'yes_no':
      return <p>{value === true ? t('proposals.form.yes') : t('proposals.form.no')}</p>;
    case 'themes': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <ul className="fr-answer__list">
          {THEMES.filter((theme) => chosen.includes(theme.code)).map((theme) => (
            <li key={theme.code}>{`${theme.number}. ${localName(theme, lang)}`}</li>
          ))}
        </ul>
      );
    }
    case 'sdgs': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <ul className="fr-answer__list">
          {SDGS.filter((sdg) => chosen.includes(sdg.number)).map((sdg) => (
            <li key={sdg.number}>
              {t('proposals.form.sdg', { number: sdg.number })} {localName(sdg, lang)}
            </li>
          ))}
        </ul>
      );
    }
    case 'logic_model': {
      const model = (typeof value === 'object' && value !== null ? value : {}) as LogicModelAnswer;
      return (
        <dl className="fr-answer__parts">
          {LOGIC_MODEL_PARTS.map((part) => (
            <div key={part}>
              <dt>{t(`proposals.form.logicModel.${part}`)}</dt>
              <dd className="fr-answer__text">{model[part] || '—'}</dd>
            </div>
          ))}
        </dl>
      );
    }
    case 'srl': {
      const srl = (typeof value === 'object' && value !== null ? value : {}) as SrlAnswer;
      return (
        <dl className="fr-answer__parts">
          {(['current', 'target'] as const).map((part) => {
            const level = srl[part];
            return (
              <div key={part}>
                <dt>{t(`proposals.form.srl.${part}`)}</dt>
                <dd>
                  {level
                    ? `${t('proposals.form.srl.level', { level })} — ${t(`proposals.form.srl.levels.${level as 1}`)}`
                    : '—'}
                </dd>
              </div>
            );
          })}
        </dl>
      );
    }
    case 'file':
      return (
        <ul className="fr-answer__list">
          {fileIds(value).map((id) => {
            const attachment = files?.attachments.find((a) => a.id === id);
            if (!attachment) {
              return <li key={id}>{t('proposals.form.file.unknownFile')}</li>;
            }
            return (
              <li key={id}>
                {files ? (
                  <a href={files.downloadHref(attachment)} download={attachment.fileName}>
                    {attachment.fileName}
                  </a>
                ) : (
                  attachment.fileName
                )}{' '}
                <span className="fr-files__size">{formatFileSize(attachment.sizeBytes)}</span>
              </li>
            );
          })}
        </ul>
      );
    case 'area':
      return (
        <ul className="fr-answer__list">
          {areaList(value).map((area) => (
            <li key={`${area.provinceCode}-${area.districtCode ?? ''}-${area.subdistrictCode ?? ''}`}>
              <AreaName area={area} />
            </li>
          ))}
        </ul>
      );
    case 'team_table':
    case 'budget_table':
    case 'milestones_table':
      return <ReadTable question={q} value={value} />;
    default: {
      const exhaustive: never = q;
      return exhaustive;
    }
  }
}
