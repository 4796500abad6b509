import type { ProblemStatement } from '@shared/contracts/calls';
import { THEMES } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { EmptyState } from '@web/components/ui/states';
import { provinceName } from '@web/components/form-renderer/area-question';
import { localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** The call's problem statements as cards: area, theme and expected result; optionally a button to answer one. */
export function ProblemStatementList({
  problems,
  onChoose,
}: {
  problems: readonly ProblemStatement[];
  onChoose?: ((problem: ProblemStatement) => void) | undefined;
}) {
  const { t, lang } = useI18n();
  if (problems.length === 0) {
    return <EmptyState>{t('calls.problem.none')}</EmptyState>;
  }
  return (
    <ul className="problem-list" data-testid="problem-statements">
      {problems.map((problem) => {
        const theme = THEMES.find((th) => th.code === problem.theme);
        const expected = localText(problem, 'expectedResult', lang);
        return (
          <li key={problem.id} className="problem-card">
            {problem.status === 'pending' ? <Badge tone="accent">{t('calls.problem.pending')}</Badge> : null}
            <h3 className="problem-card__title">{localText(problem, 'title', lang)}</h3>
            <p className="problem-card__text">{localText(problem, 'description', lang)}</p>
            <dl className="problem-card__facts">
              {problem.provinceCode !== null ? (
                <div>
                  <dt>{t('calls.problem.area')}</dt>
                  <dd>{provinceName(problem.provinceCode, lang)}</dd>
                </div>
              ) : null}
              {theme ? (
                <div>
                  <dt>{t('calls.problem.theme')}</dt>
                  <dd>{localName(theme, lang)}</dd>
                </div>
              ) : null}
              {expected ? (
                <div>
                  <dt>{t('calls.problem.expectedResult')}</dt>
                  <dd>{expected}</dd>
                </div>
              ) : null}
            </dl>
            {problem.ownerOrganisationName ? (
              <p className="problem-card__owner">
                {t('calls.problem.postedBy', { name: problem.ownerOrganisationName })}
              </p>
            ) : null}
            {onChoose && problem.status === 'published' ? (
              <button
                type="button"
                className="button button--secondary problem-card__choose"
                onClick={() => onChoose(problem)}
              >
                {t('calls.problem.choose')}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
