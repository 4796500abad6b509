import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { ExternalLink } from '@web/components/ui/external-link';
import { FormSuccess } from '@web/components/ui/form';
import { useNotice } from '@web/features/organisations/use-notice';
import { ProgrammeCard } from '@web/features/programmes/components/programme-card';
import { useProgrammes } from '@web/features/programmes/api';
import { useFlagshipObjectives, useTargetGroup, useThemes } from '@web/features/reference/api';
import { localName, localText, sourceLinks } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import '@web/components/ui/ui.css';
import { ExploreLinks } from '../components/explore-links';
import { LiveFigures } from '../components/live-figures';
import '../home.css';

function Hero() {
  const { t } = useI18n();
  return (
    <section className="hero" aria-labelledby="hero-title">
      <div className="container hero__inner">
        <div className="hero__text">
          <p className="hero__eyebrow">{t('app.agency')}</p>
          <h1 id="hero-title">{t('home.heroTitle')}</h1>
          <p className="hero__tagline">{t('app.tagline')}</p>
          <p className="hero__lead">{t('home.heroText')}</p>
          <div className="button-row">
            <Link className="button button--on-dark" to="/calls" data-testid="hero-calls">
              {t('publicSite.explore.calls')}
            </Link>
            <Link className="button button--ghost-on-dark" to="/coverage" data-testid="hero-coverage">
              {t('publicSite.explore.coverage')}
            </Link>
          </div>
        </div>
        <div className="hero__figures">
          <LiveFigures />
          <p className="hero__figures-note">{t('publicSite.figures.definitions')}</p>
        </div>
      </div>
    </section>
  );
}

// Each section asks for its own data, so that each answer re-renders its section only, not the whole page.
function ProgrammesSection() {
  const { t } = useI18n();
  const programmes = useProgrammes();
  return (
    <section className="section" aria-labelledby="programmes-title">
      <div className="section__head">
        <div>
          <h2 id="programmes-title">{t('home.programmesTitle')}</h2>
          <p className="section__intro">{t('home.programmesIntro')}</p>
        </div>
        <Link to="/programmes" className="section__more">
          {t('home.allProgrammes')} <span aria-hidden="true">→</span>
        </Link>
      </div>
      {programmes.status === 'success' ? (
        <ul className="card-grid">
          {programmes.data.map((programme) => (
            <li key={programme.slug}>
              <ProgrammeCard programme={programme} />
            </li>
          ))}
        </ul>
      ) : programmes.status === 'error' ? (
        <ErrorState error={programmes.error} onRetry={programmes.reload} />
      ) : (
        <LoadingState />
      )}
      <p className="home-contests" data-testid="home-contests">
        <strong className="home-contests__title">{t('contests.home.title')}</strong>{' '}
        <span>{t('contests.home.text')}</span>{' '}
        <Link to="/contests" className="section__more home-contests__link">
          {t('contests.home.link')} <span aria-hidden="true">→</span>
        </Link>
      </p>
      <p className="home-contests" data-testid="home-catalogue">
        <strong className="home-contests__title">{t('catalogue.homeTitle')}</strong>{' '}
        <span>{t('catalogue.homeText')}</span>{' '}
        <Link to="/innovations" className="section__more home-contests__link">
          {t('catalogue.homeAction')} <span aria-hidden="true">→</span>
        </Link>
      </p>
    </section>
  );
}

function ObjectivesSection() {
  const { t, lang } = useI18n();
  const objectives = useFlagshipObjectives();
  return (
    <section className="section" aria-labelledby="objectives-title">
      <h2 id="objectives-title">{t('home.objectivesTitle')}</h2>
      <p className="section__intro">{t('home.objectivesIntro')}</p>
      {objectives.status === 'success' ? (
        <ol className="objective-list">
          {objectives.data.map((objective) => (
            <li key={objective.number} className="objective-list__item">
              <span className="objective-list__number" aria-hidden="true">
                {objective.number}
              </span>
              <span>
                <span className="visually-hidden">
                  {t('home.objectiveNumber', { number: objective.number })}:{' '}
                </span>
                {localName(objective, lang)}
              </span>
            </li>
          ))}
        </ol>
      ) : objectives.status === 'error' ? (
        <ErrorState error={objectives.error} onRetry={objectives.reload} />
      ) : (
        <LoadingState />
      )}
    </section>
  );
}

function TargetSection() {
  const { t, lang } = useI18n();
  const target = useTargetGroup();
  return (
    <section className="section" aria-labelledby="target-title">
      <h2 id="target-title">{t('home.targetTitle')}</h2>
      <p className="section__intro">{t('home.targetText')}</p>
      {target.status === 'success' ? (
        <>
          <p className="target-group__description">{localText(target.data, 'description', lang)}</p>
          <ol className="target-list">
            {[...target.data.members]
              .sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))
              .map((member) => (
                <li key={member.provinceCode}>
                  <Link to={`/provinces/${member.provinceCode}`} className="target-list__link">
                    <span className="target-list__rank" aria-hidden="true">
                      {member.rank ?? '–'}
                    </span>
                    <span className="target-list__name">
                      {member.rank !== null ? (
                        <span className="visually-hidden">
                          {t('home.targetRank', { rank: member.rank })}:{' '}
                        </span>
                      ) : null}
                      {localName(member, lang)}
                    </span>
                  </Link>
                </li>
              ))}
          </ol>
          {sourceLinks(target.data.source).length > 0 ? (
            <p className="target-group__source">
              {t('home.targetSource')}:{' '}
              {sourceLinks(target.data.source).map((link, index) => (
                <span key={link.url}>
                  {index > 0 ? ', ' : null}
                  <ExternalLink href={link.url}>{link.label}</ExternalLink>
                </span>
              ))}
            </p>
          ) : null}
        </>
      ) : target.status === 'error' ? (
        <ErrorState error={target.error} onRetry={target.reload} />
      ) : (
        <LoadingState />
      )}
    </section>
  );
}

function ThemesSection() {
  const { t, lang } = useI18n();
  const themes = useThemes();
  return (
    <section className="section" aria-labelledby="themes-title">
      <h2 id="themes-title">{t('home.themesTitle')}</h2>
      <p className="section__intro">{t('home.themesIntro')}</p>
      {themes.status === 'success' ? (
        <ol className="theme-grid">
          {themes.data.map((theme) => (
            <li key={theme.code} className="theme-grid__item">
              <span className="theme-grid__number" aria-hidden="true">
                {theme.number}
              </span>
              <span>
                <span className="visually-hidden">{t('home.themeNumber', { number: theme.number })}: </span>
                {localName(theme, lang)}
              </span>
            </li>
          ))}
        </ol>
      ) : themes.status === 'error' ? (
        <ErrorState error={themes.error} onRetry={themes.reload} />
      ) : (
        <LoadingState />
      )}
    </section>
  );
}

export function HomePage() {
  const { t } = useI18n();
  usePageTitle();
  // Set by the account page after the person erased their account.
  const notice = useNotice();

  return (
    <>
      {notice === 'erased' ? (
        <div className="container home-notice" data-testid="home-notice">
          <FormSuccess>{t('accounts.privacy.erased')}</FormSuccess>
        </div>
      ) : null}
      <Hero />

      <div className="container page-body">
        <ExploreLinks />

        <ProgrammesSection />

        <div className="home-columns">
          <ObjectivesSection />
          <TargetSection />
        </div>

        <ThemesSection />

        <section className="section cta-band" aria-labelledby="cta-title">
          <div>
            <h2 id="cta-title">{t('home.ctaTitle')}</h2>
            <p>{t('home.ctaText')}</p>
          </div>
          <div className="button-row">
            <Link className="button button--primary" to="/map">
              {t('home.exploreMap')}
            </Link>
            <Link className="button button--secondary" to="/provinces">
              {t('home.exploreProvinces')}
            </Link>
          </div>
        </section>
      </div>
    </>
  );
}
