import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { useInnovationDiffusion } from '../api';
import { provinceName, titleIn } from '../labels';
import { AdoptionList } from './adoption-list';
import { LineageTree } from './lineage-tree';
import { DiffusionMapPanel } from './map-panel';
import { MetricsCards } from './metrics-cards';
import '../diffusion.css';

/**
 * The diffusion of one innovation on its catalogue page: metrics, the map (origin → sites), the adoption sites and
 * who adopted from whom. Nothing shows for an innovation that is not diffusion-ready and has no adoptions.
 */
export function InnovationDiffusion({ innovationId }: { innovationId: string }) {
  const { t, lang } = useI18n();
  const state = useInnovationDiffusion(innovationId);
  const data = state.status === 'success' ? state.data : null;
  const origins = useMemo(
    () =>
      data
        ? [
            {
              id: data.innovation.id,
              provinceCode: data.origin.provinceCode,
              title: titleIn(data.innovation, lang),
            },
          ]
        : [],
    [data, lang],
  );
  if (state.status === 'error') {
    return state.error.status === 404 ? null : <ErrorState error={state.error} onRetry={state.reload} />;
  }
  if (!data) {
    return <LoadingState />;
  }
  if (!data.innovation.isDiffusionReady && data.adoptions.length === 0 && !data.canRecord) {
    return null;
  }
  const originLabel = [data.origin.villageName, provinceName(data.origin.provinceCode, lang)]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="df-section" aria-labelledby="df-section-title" data-testid="innovation-diffusion">
      <div className="df-section__head">
        <h2 id="df-section-title">{t('diffusion.section.title')}</h2>
        <p className="df-actions">
          {data.canRecord ? (
            <Link className="button button--secondary" to={`/adoptions/new?innovation=${innovationId}`}>
              {t('diffusion.section.record')}
            </Link>
          ) : null}
          <Link to="/diffusion">{t('diffusion.section.overviewLink')}</Link>
        </p>
      </div>
      <MetricsCards metrics={data.metrics} />
      <div className="df-two">
        <div className="df-two__map">
          <h3>{t('diffusion.map.title')}</h3>
          <DiffusionMapPanel origins={origins} adoptions={data.adoptions} />
        </div>
        <div className="df-two__tree">
          <h3>{t('diffusion.lineage.title')}</h3>
          <p className="df-muted">{t('diffusion.lineage.intro')}</p>
          <LineageTree originLabel={originLabel || titleIn(data.innovation, lang)} lineage={data.lineage} />
        </div>
      </div>
      <h3>{t('diffusion.list.title')}</h3>
      {data.adoptions.length === 0 ? (
        <p className="df-empty">{t('diffusion.list.empty')}</p>
      ) : (
        <AdoptionList adoptions={data.adoptions} />
      )}
    </section>
  );
}
