import { Link } from 'react-router';
import { useI18n } from '@web/lib/i18n';
import { usePeoplesChoice } from '../api';

/** A link to a call's people's choice vote, shown when the call has one. */
export function PeoplesChoiceLink({ callId }: { callId: string }) {
  const { t } = useI18n();
  const choice = usePeoplesChoice(callId);
  if (choice.status !== 'success' || choice.data.phase === 'not_enabled') {
    return null;
  }
  return (
    <p>
      <Link
        className="button button--secondary"
        to={`/calls/${callId}/vote`}
        data-testid="peoples-choice-link"
      >
        {choice.data.phase === 'closed' ? t('contests.vote.resultsLink') : t('contests.vote.link')}
      </Link>
    </p>
  );
}
