import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CALL_PHASES, type CallPhase } from '@shared/contracts/calls';
import { THEMES, THEME_CODES, type ThemeCode } from '@shared/reference/themes';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { useProgrammes } from '@web/features/programmes/api';
import { localName } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCalls } from '../api';
import { CallCard } from '../components/call-card';
import '@web/components/ui/toggle-group.css';
import '../calls.css';

/** Tabs in the order people look for calls: open ones first. */
const PHASE_TABS: readonly CallPhase[] = ['open', 'upcoming', 'closed'];

const EMPTY: Record<CallPhase, MessageKey> = {
  open: 'calls.list.emptyOpen',
  upcoming: 'calls.list.emptyUpcoming',
  closed: 'calls.list.emptyClosed',
};

function isPhase(value: string | null): value is CallPhase {
  return (CALL_PHASES as readonly string[]).includes(value ?? '');
}

function isTheme(value: string | null): value is ThemeCode {
  return (THEME_CODES as readonly string[]).includes(value ?? '');
}

/** Published calls, open ones first: tabs for upcoming and closed, filters by programme and theme. No sign-in. */
export default function CallsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const id = useId();
  const rawPhase = params.get('phase');
  const phase: CallPhase = isPhase(rawPhase) ? rawPhase : 'open';
  const programme = params.get('programme') ?? '';
  const rawTheme = params.get('theme');
  const theme = isTheme(rawTheme) ? rawTheme : undefined;
  const programmes = useProgrammes();
  const calls = useCalls({ phase, programme: programme || undefined, theme });
  usePageTitle(t('calls.title'));

  const change = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '' || (name === 'phase' && value === 'open')) {
      next.delete(name);
    } else {
      next.set(name, value);
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const filtered = programme !== '' || theme !== undefined;

  let list;
  if (calls.status === 'error') {
    list = <ErrorState error={calls.error} onRetry={calls.reload} />;
  } else if (calls.status !== 'success') {
    list = <LoadingState />;
  } else if (calls.data.length === 0) {
    list = <EmptyState>{filtered ? t('calls.list.emptyFiltered') : t(EMPTY[phase])}</EmptyState>;
  } else {
    list = (
      <>
        <p className="calls-count" role="status">
          {t('calls.list.count', { count: calls.data.length })}
        </p>
        <ul className="card-grid calls-grid" data-testid="call-list">
          {calls.data.map((call) => (
            <li key={call.id}>
              <CallCard call={call} now={now} />
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('calls.title')} intro={<p>{t('calls.intro')}</p>}>
        <div className="toggle-group calls-phases" role="group" aria-label={t('calls.list.phaseLabel')}>
          {PHASE_TABS.map((p) => (
            <button
              key={p}
              type="button"
              className="toggle-group__option"
              aria-pressed={phase === p}
              onClick={() => change('phase', p)}
              data-testid={`phase-${p}`}
            >
              {t(`calls.phase.${p}`)}
            </button>
          ))}
        </div>
      </PageHeader>
      <div className="container page-body">
        <form
          className="calls-filters"
          aria-label={t('calls.list.filtersLabel')}
          onSubmit={(event) => event.preventDefault()}
        >
          <div className="field">
            <label htmlFor={`${id}-programme`}>{t('calls.list.programme')}</label>
            <select
              id={`${id}-programme`}
              value={programme}
              onChange={(e) => change('programme', e.target.value)}
              data-testid="filter-programme"
            >
              <option value="">{t('calls.list.allProgrammes')}</option>
              {programmes.status === 'success'
                ? programmes.data.map((p) => (
                    <option key={p.slug} value={p.slug}>
                      {localName(p, lang)}
                    </option>
                  ))
                : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-theme`}>{t('calls.list.theme')}</label>
            <select
              id={`${id}-theme`}
              value={theme ?? ''}
              onChange={(e) => change('theme', e.target.value)}
              data-testid="filter-theme"
            >
              <option value="">{t('calls.list.allThemes')}</option>
              {THEMES.map((th) => (
                <option key={th.code} value={th.code}>
                  {`${th.number}. ${localName(th, lang)}`}
                </option>
              ))}
            </select>
          </div>
          {filtered ? (
            <button
              type="button"
              className="button button--secondary calls-filters__clear"
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete('programme');
                next.delete('theme');
                setParams(next, { replace: true, preventScrollReset: true });
              }}
            >
              {t('calls.list.clearFilters')}
            </button>
          ) : null}
        </form>
        {list}
      </div>
    </>
  );
}
