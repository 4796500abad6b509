import { Link } from 'react-router';
import { useI18n, type MessageKey } from '@web/lib/i18n';

const LINKS: ReadonlyArray<{ to: string; title: MessageKey; text: MessageKey; testId: string }> = [
  { to: '/calls', title: 'publicSite.explore.calls', text: 'publicSite.explore.callsText', testId: 'calls' },
  {
    to: '/calls?phase=closed',
    title: 'publicSite.explore.results',
    text: 'publicSite.explore.resultsText',
    testId: 'results',
  },
  {
    to: '/innovations',
    title: 'publicSite.explore.catalogue',
    text: 'publicSite.explore.catalogueText',
    testId: 'catalogue',
  },
  {
    to: '/impact',
    title: 'publicSite.explore.impact',
    text: 'publicSite.explore.impactText',
    testId: 'impact',
  },
  {
    to: '/coverage',
    title: 'publicSite.explore.coverage',
    text: 'publicSite.explore.coverageText',
    testId: 'coverage',
  },
  {
    to: '/provinces',
    title: 'publicSite.explore.provinces',
    text: 'publicSite.explore.provincesText',
    testId: 'provinces',
  },
  {
    to: '/events',
    title: 'publicSite.explore.events',
    text: 'publicSite.explore.eventsText',
    testId: 'events',
  },
  {
    to: '/network',
    title: 'publicSite.explore.network',
    text: 'publicSite.explore.networkText',
    testId: 'network',
  },
  {
    to: '/open-data',
    title: 'publicSite.explore.openData',
    text: 'publicSite.explore.openDataText',
    testId: 'open-data',
  },
];

/** The public parts of the platform, one card each: the whole card is the link, its title the link's name. */
export function ExploreLinks() {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby="explore-title">
      <h2 id="explore-title">{t('publicSite.explore.title')}</h2>
      <p className="section__intro">{t('publicSite.explore.intro')}</p>
      <ul className="explore-grid">
        {LINKS.map((link) => (
          <li key={link.to} className="explore-grid__item">
            <Link to={link.to} className="explore-card" data-testid={`explore-${link.testId}`}>
              <span className="explore-card__title">
                {t(link.title)} <span aria-hidden="true">→</span>
              </span>
              <span className="explore-card__text">{t(link.text)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
