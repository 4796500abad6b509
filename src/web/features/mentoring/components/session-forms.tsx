import { useState } from 'react';
import { RATING_MAX, RATING_MIN, SESSION_HOURS_MAX, type Session } from '@shared/contracts/mentoring';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { useI18n } from '@web/lib/i18n';
import { mentoringApi } from '../api';
import { DateField, Field } from '@web/components/ui/fields';
import { useFormCommand } from './use-form-command';

const SESSION_FIELDS = ['heldOn', 'topic', 'hours', 'notes', 'followUps'] as const;

/** Today in Bangkok as YYYY-MM-DD (the date input's default and maximum). */
function bangkokToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The mentor logs a session: date, topic, hours, notes and follow-ups. */
export function LogSessionForm({ requestId, onLogged }: { requestId: string; onLogged: () => void }) {
  const { t } = useI18n();
  const [heldOn, setHeldOn] = useState(bangkokToday);
  const [topic, setTopic] = useState('');
  const [hours, setHours] = useState('1');
  const [notes, setNotes] = useState('');
  const [followUps, setFollowUps] = useState('');
  const [logged, setLogged] = useState(false);
  const { errors, busy, run } = useFormCommand(SESSION_FIELDS);
  return (
    <form
      className="me-form me-form--panel"
      noValidate
      data-testid="log-session-form"
      onSubmit={(event) => {
        event.preventDefault();
        setLogged(false);
        void run(
          () =>
            mentoringApi.logSession(requestId, {
              heldOn,
              topic,
              hours: Number(hours.replace(',', '.')),
              notes,
              followUps,
            }),
          () => {
            setTopic('');
            setNotes('');
            setFollowUps('');
            setLogged(true);
            onLogged();
          },
        );
      }}
    >
      <h3>{t('mentoring.sessions.log')}</h3>
      <div className="me-form__grid">
        <DateField
          label={t('mentoring.sessions.heldOn')}
          error={errors.fields.heldOn}
          max={bangkokToday()}
          value={heldOn}
          onChange={setHeldOn}
          testId="session-date"
        />
        <Field label={t('mentoring.sessions.hours')} error={errors.fields.hours}>
          {(tie) => (
            <input
              {...tie}
              type="number"
              inputMode="decimal"
              min={0.25}
              max={SESSION_HOURS_MAX}
              step={0.25}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              data-testid="session-hours"
            />
          )}
        </Field>
      </div>
      <Field label={t('mentoring.sessions.topic')} error={errors.fields.topic}>
        {(tie) => (
          <input
            {...tie}
            value={topic}
            maxLength={300}
            onChange={(e) => setTopic(e.target.value)}
            data-testid="session-topic"
          />
        )}
      </Field>
      <Field label={t('mentoring.sessions.notes')} error={errors.fields.notes} className="form-textarea">
        {(tie) => (
          <textarea
            {...tie}
            rows={4}
            maxLength={4000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            data-testid="session-notes"
          />
        )}
      </Field>
      <Field
        label={t('mentoring.sessions.followUps')}
        error={errors.fields.followUps}
        className="form-textarea"
      >
        {(tie) => (
          <textarea
            {...tie}
            rows={2}
            maxLength={2000}
            value={followUps}
            onChange={(e) => setFollowUps(e.target.value)}
            data-testid="session-follow-ups"
          />
        )}
      </Field>
      {errors.form ? <FormAlert testId="session-error">{errors.form}</FormAlert> : null}
      {logged ? <FormSuccess>{t('mentoring.sessions.logged')}</FormSuccess> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="session-submit">
          {t('mentoring.sessions.submit')}
        </button>
      </div>
    </form>
  );
}

/** The mentee rates a session 1–5 with a comment, once. */
export function RateSessionForm({ session, onRated }: { session: Session; onRated: () => void }) {
  const { t } = useI18n();
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const { errors, busy, run } = useFormCommand(['satisfaction', 'comment']);
  const points = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
  return (
    <form
      className="me-rate"
      noValidate
      data-testid="rate-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (satisfaction === null) {
          return;
        }
        void run(() => mentoringApi.rateSession(session.id, { satisfaction, comment }), onRated);
      }}
    >
      <fieldset className="me-rate__stars">
        <legend>{t('mentoring.sessions.rate')}</legend>
        {points.map((value) => (
          <label
            key={value}
            className="me-rate__star"
            data-selected={satisfaction !== null && value <= satisfaction}
          >
            <input
              type="radio"
              name={`rating-${session.id}`}
              value={value}
              checked={satisfaction === value}
              onChange={() => setSatisfaction(value)}
              data-testid={`rate-${value}`}
            />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">{t('mentoring.sessions.stars', { value })}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('mentoring.sessions.comment')} error={errors.fields.comment}>
        {(tie) => (
          <input
            {...tie}
            value={comment}
            maxLength={1000}
            onChange={(e) => setComment(e.target.value)}
            data-testid="rate-comment"
          />
        )}
      </Field>
      {errors.form ? <FormAlert testId="rate-error">{errors.form}</FormAlert> : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || satisfaction === null}
          data-testid="rate-submit"
        >
          {t('mentoring.sessions.rateSubmit')}
        </button>
      </div>
    </form>
  );
}
