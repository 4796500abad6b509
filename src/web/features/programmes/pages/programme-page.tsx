import { Link, useParams } from 'react-router';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useFlagshipObjectives } from '@web/features/reference/api';
import { localName, localText, otherName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useProgramme, useProgrammes } from '../api';
import '../programmes.css';

export function ProgrammePage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  // The (cached) programme list tells an unknown slug apart without a 404 request; if the list fails, ask anyway.
  const programmes = useProgrammes();
  const known =
    programmes.status === 'success'
      ? programmes.data.some((p) => p.slug === slug)
      : programmes.status === 'error';
  const programme = useProgramme(known ? slug : undefined);
  const objectives = useFlagshipObjectives();
  const notFound =
    (programmes.status === 'success' && !known) ||
    (programme.status === 'error' && (programme.error.isNotFound || programme.error.status === 400));
  usePageTitle(
    programme.status === 'success'
      ? localName(programme.data, lang)
      : notFound
        ? t('programmes.notFound')
        : t('programmes.title'),
  );

  if (notFound) {
    return (
      <NotFoundState
        title={t('programmes.notFound')}
        text={t('programmes.notFoundText', { slug })}
        back={{ to: '/programmes', label: t('programmes.backToList') }}
      />
    );
  }
  if (programme.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={programme.error} onRetry={programme.reload} />
      </div>
    );
  }
  if (programme.status !== 'success') {
    return (
      <div className="container page-body">
        <LoadingState />
      </div>
    );
  }

  const data = programme.data;
  const served =
    objectives.status === 'success' ? objectives.data.filter((o) => data.objectives.includes(o.number)) : [];
  const others = programmes.status === 'success' ? programmes.data.filter((p) => p.slug !== data.slug) : [];

  return (
    <>
      <PageHeader
        title={localName(data, lang)}
        back={{ to: '/programmes', label: t('programmes.backToList') }}
        eyebrow={
          <>
            <span className="visually-hidden">{t('programmes.typeLabel')}: </span>
            <Badge tone="brand">{t(`programmes.type.${data.type}`)}</Badge>
          </>
        }
        intro={
          <>
            <p className="programme__other-name" lang={lang === 'th' ? 'en' : 'th'}>
              {otherName(data, lang)}
            </p>
            <p>{localText(data, 'summary', lang)}</p>
          </>
        }
      />
      <div className="container page-body programme-layout">
        <div>
          <section className="section" aria-labelledby="about-title">
            <h2 id="about-title">{t('programmes.about')}</h2>
            <p className="programme__description">{localText(data, 'description', lang)}</p>
          </section>
          {data.type === 'sectoral' ? (
            <p>
              <Link className="button button--secondary" to="/contests" data-testid="contests-link">
                {t('contests.list.title')}
              </Link>
            </p>
          ) : null}
          <section className="section" aria-labelledby="objectives-title">
            <h2 id="objectives-title">{t('programmes.objectives')}</h2>
            {objectives.status === 'error' ? (
              <ErrorState error={objectives.error} onRetry={objectives.reload} />
            ) : objectives.status !== 'success' ? (
              <LoadingState />
            ) : (
              <ul className="served-objectives">
                {served.map((objective) => (
                  <li key={objective.number}>
                    <span className="served-objectives__number">
                      {t('home.objectiveNumber', { number: objective.number })}
                    </span>
                    <span>{localName(objective, lang)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        {others.length > 0 ? (
          <nav className="other-programmes" aria-labelledby="others-title">
            <h2 id="others-title">{t('programmes.otherProgrammes')}</h2>
            <ul>
              {others.map((other) => (
                <li key={other.slug}>
                  <Link to={`/programmes/${other.slug}`}>{localName(other, lang)}</Link>
                  <span className="other-programmes__type">{t(`programmes.type.${other.type}`)}</span>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </>
  );
}
