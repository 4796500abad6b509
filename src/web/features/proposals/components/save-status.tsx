import { TIME_ZONE } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import type { SaveState } from '../use-autosave';

/** "14:05": hours and minutes in Bangkok. */
export function formatClock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** Where the autosave stands: saved at HH:MM (version N), saving, unsaved, failed (with "save now"), conflict. */
export function SaveStatus({ state, onSaveNow }: { state: SaveState; onSaveNow: () => void }) {
  const { t } = useI18n();
  let text: string;
  let tone = 'ok';
  switch (state.kind) {
    case 'saved':
      text = t('proposals.save.savedAt', { time: formatClock(state.at), version: state.version });
      break;
    case 'pending':
      text = t('proposals.save.pending');
      tone = 'busy';
      break;
    case 'saving':
      text = t('proposals.save.saving');
      tone = 'busy';
      break;
    case 'error':
      text = `${t('proposals.save.failed', { message: apiErrorText(state.error, t) })}${
        state.retrying ? ` ${t('proposals.save.retrying')}` : ''
      }`;
      tone = 'problem';
      break;
    case 'conflict':
      text = t('proposals.save.conflict');
      tone = 'problem';
      break;
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
  return (
    <div className={`save-status save-status--${tone}`}>
      <p role="status" aria-live="polite" data-testid="save-status" data-state={state.kind}>
        {text}
      </p>
      {state.kind === 'error' ? (
        <button type="button" className="fr-small-button" onClick={onSaveNow}>
          {t('proposals.save.retryNow')}
        </button>
      ) : null}
    </div>
  );
}
