import type { PublicFigures } from '@shared/contracts/public-site';
import { formatNumber } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { usePublicFigures } from '../api';

const FIGURES: ReadonlyArray<{
  key: Exclude<keyof PublicFigures, 'countedAt'>;
  label: MessageKey;
  wide?: boolean;
}> = [
  { key: 'openCalls', label: 'publicSite.figures.openCalls' },
  { key: 'fundedProjects', label: 'publicSite.figures.fundedProjects' },
  { key: 'innovations', label: 'publicSite.figures.innovations' },
  { key: 'adoptions', label: 'publicSite.figures.adoptions' },
  { key: 'provincesReached', label: 'publicSite.figures.provincesReached' },
  { key: 'programmes', label: 'publicSite.figures.programmes' },
  { key: 'beneficiaries', label: 'publicSite.figures.beneficiaries', wide: true },
];

/**
 * The platform's live figures in the hero: counted by the server from public records (no personal data); a dash
 * while loading or when the count failed, so the layout never jumps.
 */
export function LiveFigures() {
  const { t, lang } = useI18n();
  const figures = usePublicFigures();
  const data = figures.status === 'success' ? figures.data : null;
  return (
    <dl
      className="hero__stats"
      aria-label={t('publicSite.figures.label')}
      aria-busy={figures.status === 'loading'}
      data-testid="live-figures"
    >
      {FIGURES.map((figure) => (
        <div
          key={figure.key}
          className={figure.wide ? 'hero__stat hero__stat--wide' : 'hero__stat'}
          data-testid={`figure-${figure.key}`}
        >
          <dt>{t(figure.label)}</dt>
          <dd>{data ? formatNumber(data[figure.key], lang) : '–'}</dd>
        </div>
      ))}
    </dl>
  );
}
