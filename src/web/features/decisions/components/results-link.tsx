import { Link } from 'react-router';
import { useI18n } from '@web/lib/i18n';
import { usePublicResults } from '../api';
import '../decisions.css';

/** A link to a call's public results, shown once its awards are announced. */
export function ResultsLink({ callId }: { callId: string }) {
  const { t } = useI18n();
  const results = usePublicResults(callId);
  if (results.status !== 'success' || !results.data.isPublished) {
    return null;
  }
  return (
    <p className="dd-results-link">
      <Link className="button button--primary" to={`/calls/${callId}/results`} data-testid="results-link">
        {t('decisions.results.link')}
      </Link>
    </p>
  );
}
