import { useRef, useState } from 'react';
import type { InnovationDetail, InnovationMedia } from '@shared/contracts/innovations';
import { Badge } from '@web/components/ui/badge';
import { Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { useI18n } from '@web/lib/i18n';
import { innovationApi, sizeText } from '../api';
import { usePanelAction } from './panel-action';

function MediaItem({
  innovation,
  media,
  busy,
  run,
}: {
  innovation: InnovationDetail;
  media: InnovationMedia;
  busy: boolean;
  run: (send: () => Promise<unknown>) => void;
}) {
  const { t } = useI18n();
  const [caption, setCaption] = useState(media.captionTh);
  const isCover = innovation.cover?.id === media.id;
  return (
    <li className="in-media__item">
      {media.kind === 'photo' ? (
        <img src={media.thumbnailUrl ?? media.url} alt="" />
      ) : (
        <span className="in-media__doc" aria-hidden="true">
          {media.fileName.split('.').at(-1)?.toUpperCase() ?? 'DOC'}
        </span>
      )}
      <div className="in-grid">
        <p className="in-prewrap">
          <a href={media.url}>{media.fileName}</a>{' '}
          <span className="in-muted">· {sizeText(media.sizeBytes)}</span>
          {isCover ? (
            <>
              {' '}
              <Badge tone="brand">{t('innovations.editor.isCover')}</Badge>
            </>
          ) : null}
        </p>
        <Field label={t('innovations.editor.caption')}>
          {(tie) => (
            <input
              {...tie}
              value={caption}
              maxLength={300}
              onChange={(e) => setCaption(e.target.value)}
              onBlur={() => {
                if (caption !== media.captionTh) {
                  run(() => innovationApi.changeMedia(innovation.id, media.id, { captionTh: caption }));
                }
              }}
            />
          )}
        </Field>
        <p className="in-actions">
          {media.kind === 'photo' && !isCover ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() =>
                run(() =>
                  innovationApi.setCover(innovation.id, { version: innovation.version, mediaId: media.id }),
                )
              }
            >
              {t('innovations.editor.setCover')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => {
              if (window.confirm(t('innovations.editor.confirmRemove', { name: media.fileName }))) {
                run(() => innovationApi.removeMedia(innovation.id, media.id));
              }
            }}
          >
            {t('innovations.editor.removeMedia')}
          </button>
        </p>
      </div>
    </li>
  );
}

/** The entry's photos and documents: upload (checked on the server by content), caption, cover, remove. */
export function MediaPanel({
  innovation,
  onChanged,
}: {
  innovation: InnovationDetail;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const { busy, problem, run } = usePanelAction(onChanged);
  const media = [...innovation.photos, ...innovation.documents];
  return (
    <section className="in-aside" aria-labelledby="in-media">
      <h2 id="in-media" className="in-aside__title">
        {t('innovations.editor.media')}
      </h2>
      <Field label={t('innovations.editor.upload')} hint={t('innovations.editor.uploadHint')}>
        {(tie) => (
          <input
            {...tie}
            ref={input}
            type="file"
            disabled={busy}
            accept=".jpg,.jpeg,.png,.webp,.pdf,.doc,.docx,.odt,.xls,.xlsx,.ods,.ppt,.pptx,.odp"
            data-testid="innovation-upload"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                run(() => innovationApi.upload(innovation.id, file, ''));
                if (input.current) {
                  input.current.value = '';
                }
              }
            }}
          />
        )}
      </Field>
      {busy ? <p role="status">{t('innovations.editor.uploading')}</p> : null}
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {media.length === 0 ? (
        <p className="in-muted">{t('innovations.editor.noMedia')}</p>
      ) : (
        <ul className="in-media">
          {media.map((m) => (
            <MediaItem key={m.id} innovation={innovation} media={m} busy={busy} run={run} />
          ))}
        </ul>
      )}
    </section>
  );
}
