import { lazy, Suspense, useCallback, useId, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PARTNER_ROLES, type GraphNodeKind, type PartnerRole } from '@shared/contracts/network';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useNetworkGraph } from '../api';
import { nameIn } from '../labels';
import type { GraphLabels } from '../components/network-graph';
import '@web/components/ui/form.css';
import '../network.css';

/** ECharts is loaded only on this page, when the graph is drawn. */
const NetworkGraphChart = lazy(() => import('../components/network-graph'));

/** The legend's colours (the same as the chart's; kept here so the legend does not load ECharts). */
const KIND_COLORS: Record<GraphNodeKind, string> = {
  agency: '#0b3a5b',
  driving_unit: '#1c6b3c',
  partner: '#f2b134',
  programme: '#0a5796',
  project: '#8a5cc2',
};

/** `/network/graph`: the SI Network as a graph (agency, units, partners, programmes, projects), filtered by role. */
export default function NetworkGraphPage() {
  const { t, lang } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const rawRole = params.get('role');
  const role = PARTNER_ROLES.includes(rawRole as PartnerRole) ? (rawRole as PartnerRole) : undefined;
  const focusId = params.get('focus');
  const focus = focusId ? `partner:${focusId}` : null;
  const graph = useNetworkGraph(role);
  usePageTitle(t('network.graph.title'));

  const data = graph.status === 'success' ? graph.data : null;
  const partners = useMemo(() => (data ? data.nodes.filter((n) => n.kind === 'partner') : []), [data]);
  const labels = useMemo<GraphLabels>(
    () => ({
      nodeName: (node) => (node.kind === 'agency' ? t('network.nodeKind.agency') : nameIn(node, lang)),
      kindName: (kind) => t(`network.nodeKind.${kind}`),
      edgeName: (edge) =>
        edge.kind === 'link' && edge.role
          ? `${t('network.edgeKind.link')} · ${t(`network.role.${edge.role}`)}`
          : t(`network.edgeKind.${edge.kind}`),
      ariaLabel: t('network.graph.aria', {
        nodes: formatNumber(data?.nodes.length ?? 0, lang),
        edges: formatNumber(data?.edges.length ?? 0, lang),
      }),
    }),
    [t, lang, data],
  );
  const onSelect = useCallback(
    (nodeId: string) => {
      if (nodeId.startsWith('partner:')) {
        void navigate(`/network/partners/${nodeId.slice('partner:'.length)}`);
      }
    },
    [navigate],
  );

  return (
    <>
      <PageHeader
        title={t('network.graph.title')}
        back={{ to: '/network', label: t('network.graph.directoryLink') }}
        intro={<p>{t('network.graph.intro')}</p>}
      />
      <div className="container page-body nw-page">
        <div className="nw-graph-bar">
          <div className="field form-field">
            <label htmlFor={`${id}-role`}>{t('network.graph.role')}</label>
            <select
              id={`${id}-role`}
              value={role ?? ''}
              data-testid="graph-role"
              onChange={(event) => {
                const next = new URLSearchParams(params);
                if (event.target.value) {
                  next.set('role', event.target.value);
                } else {
                  next.delete('role');
                }
                setParams(next);
              }}
            >
              <option value="">{t('network.any')}</option>
              {PARTNER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`network.role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <ul className="nw-legend" aria-label={t('network.graph.legend')}>
            {(Object.keys(KIND_COLORS) as GraphNodeKind[]).map((kind) => (
              <li key={kind}>
                <span
                  className="nw-legend__dot"
                  style={{ backgroundColor: KIND_COLORS[kind] }}
                  aria-hidden="true"
                />
                {t(`network.nodeKind.${kind}`)}
              </li>
            ))}
            <li>
              <span className="nw-legend__line nw-legend__line--mou" aria-hidden="true" />
              {t('network.edgeKind.mou')}
            </li>
          </ul>
        </div>
        {graph.status === 'error' ? (
          <ErrorState error={graph.error} onRetry={graph.reload} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <>
            <p className="nw-count" aria-live="polite">
              {t('network.graph.counts', {
                partners: formatNumber(partners.length, lang),
                edges: formatNumber(data.edges.filter((e) => e.kind !== 'structure').length, lang),
              })}
            </p>
            {partners.length === 0 ? (
              <EmptyState>{t('network.graph.empty')}</EmptyState>
            ) : (
              <Suspense fallback={<LoadingState />}>
                <NetworkGraphChart graph={data} labels={labels} focus={focus} onSelect={onSelect} />
              </Suspense>
            )}
            <section className="nw-section" aria-labelledby="nw-graph-list">
              <h2 id="nw-graph-list">{t('network.graph.list')}</h2>
              <ul className="nw-graph-list" data-testid="graph-partners">
                {partners.map((node) => (
                  <li key={node.id}>
                    <Link to={`/network/partners/${node.id.slice('partner:'.length)}`}>
                      {nameIn(node, lang)}
                    </Link>
                    <span className="nw-muted">
                      {' '}
                      · {node.roles.map((r) => t(`network.role.${r}`)).join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </div>
    </>
  );
}
