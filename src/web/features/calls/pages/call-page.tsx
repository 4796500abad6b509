import { useId, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { CallDetail } from '@shared/contracts/calls';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { formatBaht, formatYear, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { ResultsLink } from '@web/features/decisions/components/results-link';
import { PeoplesChoiceLink } from '@web/features/peoples-choice/components/peoples-choice-link';
import { usePageTitle } from '@web/lib/page-title';
import { useCall } from '../api';
import { ApplyPanel } from '../components/apply-panel';
import { EligibilityRulesView } from '../components/eligibility-rules';
import { FormOutline } from '../components/form-outline';
import { Countdown, PhaseBadge, useDateTime, useGrantText } from '../components/labels';
import { ProblemStatementList } from '../components/problem-statements';
import '../calls.css';

function Facts({ call }: { call: CallDetail }) {
  const { t, lang } = useI18n();
  const dateTime = useDateTime();
  const grantText = useGrantText();
  const at = (iso: string) => t('calls.detail.time', { date: dateTime(iso) });
  return (
    <dl className="call-facts" data-testid="call-facts">
      <div>
        <dt>{t('calls.detail.opensAt')}</dt>
        <dd>{at(call.opensAt)}</dd>
      </div>
      <div>
        <dt>{t('calls.detail.closesAt')}</dt>
        <dd className="call-facts__deadline">{at(call.closesAt)}</dd>
      </div>
      {call.fullClosesAt ? (
        <div>
          <dt>{t('calls.detail.fullClosesAt')}</dt>
          <dd>{at(call.fullClosesAt)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('calls.detail.grant')}</dt>
        <dd>{grantText(call, false)}</dd>
      </div>
      <div>
        <dt>{t('calls.detail.totalBudget')}</dt>
        <dd>{formatBaht(call.totalBudgetSatang, lang)}</dd>
      </div>
      <div>
        <dt>{t('calls.detail.stages')}</dt>
        <dd>{t(`calls.stageMode.${call.stageMode}`)}</dd>
      </div>
      <div>
        <dt>{t('calls.detail.fiscalYear')}</dt>
        <dd>{lang === 'th' ? call.fiscalYear : formatYear(call.fiscalYear - 543, lang)}</dd>
      </div>
      <div>
        <dt>{t('calls.detail.code')}</dt>
        <dd>{call.code}</dd>
      </div>
    </dl>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="call-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function CallContent({ call }: { call: CallDetail }) {
  const { t, lang } = useI18n();
  const [now] = useState(() => new Date());
  const [problemId, setProblemId] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);
  const title = localText(call, 'title', lang);
  const description = localText(call, 'description', lang);
  const programme = localName({ nameTh: call.programmeNameTh, nameEn: call.programmeNameEn }, lang);

  const choose = call.abilities.apply
    ? (problem: { id: string }) => {
        setProblemId(problem.id);
        const input = titleRef.current;
        if (input) {
          input.focus();
          input.scrollIntoView({ block: 'center' });
        } else {
          document.getElementById('apply')?.scrollIntoView();
        }
      }
    : undefined;

  return (
    <>
      <PageHeader
        title={title}
        titleLang={title === call.titleTh ? 'th' : 'en'}
        back={{ to: '/calls', label: t('calls.detail.backToList') }}
        eyebrow={
          <>
            <Badge tone="brand">{t(`programmes.type.${call.programmeType}`)}</Badge>
            <PhaseBadge phase={call.phase} />
            <Countdown call={call} now={now} />
          </>
        }
        intro={
          <p>
            <Link to={`/programmes/${call.programmeSlug}`}>{programme}</Link>
          </p>
        }
      />
      <div className="container page-body call-layout">
        <aside className="call-aside">
          <section className="call-summary" aria-label={t('calls.detail.facts')}>
            <Facts call={call} />
          </section>
          <ApplyPanel call={call} problemId={problemId} onProblemChange={setProblemId} titleRef={titleRef} />
          <ResultsLink callId={call.id} />
          <PeoplesChoiceLink callId={call.id} />
        </aside>
        <div className="call-main">
          <Section title={t('calls.detail.description')}>
            {description ? (
              <div className="call-description">{description}</div>
            ) : (
              <p className="call-muted">{t('calls.detail.noDescription')}</p>
            )}
          </Section>
          <Section title={t('calls.detail.eligibility')}>
            <EligibilityRulesView rules={call.eligibility} />
          </Section>
          <Section title={t('calls.detail.problemStatements')}>
            {call.problemStatements.length > 0 ? (
              <p className="call-muted">{t('calls.detail.problemStatementsIntro')}</p>
            ) : null}
            <ProblemStatementList problems={call.problemStatements} onChoose={choose} />
          </Section>
          <Section title={t('calls.detail.form')} testId="call-form">
            <p className="call-muted">{t('calls.detail.formIntro')}</p>
            <FormOutline forms={call.forms} />
          </Section>
        </div>
      </div>
    </>
  );
}

/** A call: facts, description, eligibility rules in words, problem statements, the form's outline, and applying. */
export default function CallPage() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const call = useCall(id);
  usePageTitle(call.status === 'success' ? localText(call.data, 'title', lang) : t('calls.title'));
  if (call.status === 'error') {
    return call.error.isNotFound || call.error.code === 'VALIDATION_FAILED' ? (
      <NotFoundState
        title={t('calls.detail.notFound')}
        text={t('calls.detail.notFoundText')}
        back={{ to: '/calls', label: t('calls.detail.backToList') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={call.error} onRetry={call.reload} />
      </div>
    );
  }
  if (call.status !== 'success') {
    return <LoadingState />;
  }
  return <CallContent call={call.data} />;
}
