import { useRef, useState, type FormEvent } from 'react';
import { Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { spreadErrors } from '@web/lib/field-errors';
import { toApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { postUpdate } from '../api';

/** Posting an update: the story and an optional photo (its type is checked on the server from its content). */
export function UpdateForm({ adoptionId, onPosted }: { adoptionId: string; onPosted: () => void }) {
  const { t } = useI18n();
  const [story, setStory] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const fileRef = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({ fields: {}, rest: [] });
    postUpdate(adoptionId, story, photo).then(
      () => {
        setBusy(false);
        setStory('');
        setPhoto(null);
        if (fileRef.current) {
          fileRef.current.value = '';
        }
        onPosted();
      },
      (error: unknown) => {
        setBusy(false);
        const spread = spreadErrors(toApiError(error), (name) => name === 'body' || name === 'file', t);
        setErrors({ fields: spread.fields, rest: spread.rest });
      },
    );
  };
  return (
    <form className="df-form df-card" onSubmit={submit} noValidate data-testid="update-form">
      <h3>{t('diffusion.adoption.postUpdate')}</h3>
      {errors.rest.length > 0 ? (
        <FormAlert>
          {errors.rest.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </FormAlert>
      ) : null}
      <Field label={t('diffusion.adoption.story')} error={errors.fields.body} className="df-form__wide">
        {(tie) => (
          <textarea
            {...tie}
            rows={4}
            maxLength={4000}
            value={story}
            onChange={(e) => setStory(e.target.value)}
            data-testid="update-story"
          />
        )}
      </Field>
      <Field
        label={t('diffusion.adoption.photo')}
        hint={t('diffusion.adoption.photoHint')}
        error={errors.fields.file}
        className="df-form__wide"
      >
        {(tie) => (
          <input
            {...tie}
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            data-testid="update-photo"
          />
        )}
      </Field>
      <p className="df-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="update-post">
          {busy ? t('diffusion.adoption.posting') : t('diffusion.adoption.post')}
        </button>
      </p>
    </form>
  );
}
