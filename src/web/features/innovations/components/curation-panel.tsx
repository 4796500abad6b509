import { useState } from 'react';
import type { InnovationDetail } from '@shared/contracts/innovations';
import { Badge } from '@web/components/ui/badge';
import { DateField, Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { useI18n } from '@web/lib/i18n';
import { innovationApi } from '../api';
import { usePanelAction } from './panel-action';

/** Today in Bangkok as YYYY-MM-DD. */
function bangkokToday(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Officers publish, take down and feature an entry, and record SRL assessments. */
export function CurationPanel({
  innovation,
  onChanged,
}: {
  innovation: InnovationDetail;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { busy, problem, run } = usePanelAction(onChanged);
  const [srl, setSrl] = useState(String(innovation.srl ?? 5));
  const [assessedOn, setAssessedOn] = useState(bangkokToday());
  const [note, setNote] = useState('');
  const version = { version: innovation.version };
  return (
    <section className="in-aside" aria-labelledby="in-curation">
      <h2 id="in-curation" className="in-aside__title">
        {t('innovations.editor.curation')}
      </h2>
      <p className="in-actions">
        <Badge tone={innovation.status === 'published' ? 'success' : 'accent'}>
          {t(`innovations.status.${innovation.status}`)}
        </Badge>
        {innovation.isFeatured ? <Badge tone="brand">{t('innovations.page.featured')}</Badge> : null}
      </p>
      <p className="in-actions">
        {innovation.status === 'published' ? (
          <>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() =>
                run(() =>
                  innovationApi.feature(innovation.id, { ...version, isFeatured: !innovation.isFeatured }),
                )
              }
            >
              {innovation.isFeatured ? t('innovations.editor.unfeature') : t('innovations.editor.feature')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => run(() => innovationApi.unpublish(innovation.id, version))}
            >
              {t('innovations.editor.unpublish')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            data-testid="innovation-publish"
            onClick={() => run(() => innovationApi.publish(innovation.id, version))}
          >
            {t('innovations.editor.publish')}
          </button>
        )}
      </p>
      <form
        className="in-grid"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run(() =>
            innovationApi.assessSrl(innovation.id, {
              ...version,
              srl: Number(srl),
              assessedOn,
              note: note.trim(),
            }),
          );
        }}
      >
        <Field label={t('innovations.editor.srl')}>
          {(tie) => (
            <select {...tie} value={srl} onChange={(e) => setSrl(e.target.value)}>
              {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                <option key={n} value={n}>
                  SRL {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField
          label={t('innovations.editor.assessedOn')}
          value={assessedOn}
          max={bangkokToday()}
          onChange={setAssessedOn}
        />
        <Field label={t('innovations.editor.note')}>
          {(tie) => (
            <input {...tie} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <p className="in-actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('innovations.editor.assess')}
          </button>
        </p>
      </form>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
    </section>
  );
}
