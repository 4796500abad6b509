import type { AdoptionUpdate } from '@shared/contracts/diffusion';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** Adopters' updates (stories), newest first, each with its photo's thumbnail linking to the full photo. */
export function UpdateList({ updates, empty }: { updates: AdoptionUpdate[]; empty: string }) {
  const { t, lang } = useI18n();
  if (updates.length === 0) {
    return <p className="df-empty">{empty}</p>;
  }
  return (
    <ul className="df-updates" data-testid="adoption-updates">
      {updates.map((u) => (
        <li key={u.id} className="df-update">
          {u.thumbnailUrl && u.photoUrl ? (
            <a href={u.photoUrl} className="df-update__photo">
              <img src={u.thumbnailUrl} alt={t('diffusion.adoption.photoAlt')} loading="lazy" width={240} />
            </a>
          ) : null}
          <div className="df-update__text">
            <p className="df-muted">
              <time dateTime={u.createdAt}>{formatDate(u.createdAt, lang, 'long')}</time>
              {u.authorName ? ` · ${u.authorName}` : null}
            </p>
            <p className="df-prewrap">{u.body}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
