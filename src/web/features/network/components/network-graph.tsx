import { useEffect, useRef } from 'react';
import { init, use as installECharts, type ComposeOption, type EChartsType } from 'echarts/core';
import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { GraphNodeKind, NetworkGraph } from '@shared/contracts/network';

// Only the parts the network graph needs (modular ECharts keeps this lazy chunk small).
installECharts([GraphChart, TooltipComponent, CanvasRenderer]);

type GraphOption = ComposeOption<GraphSeriesOption | TooltipComponentOption>;

const FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";

/** Each kind of node: its colour (also in the page's legend) and size. */
export const NODE_STYLE: Record<GraphNodeKind, { color: string; size: number }> = {
  agency: { color: '#0b3a5b', size: 46 },
  driving_unit: { color: '#1c6b3c', size: 30 },
  partner: { color: '#f2b134', size: 24 },
  programme: { color: '#0a5796', size: 26 },
  project: { color: '#8a5cc2', size: 16 },
};

export const EDGE_COLOR = { link: '#6c7d8f', mou: '#c07a00', structure: '#b8c4cf' } as const;

export interface GraphLabels {
  nodeName: (node: NetworkGraph['nodes'][number]) => string;
  kindName: (kind: GraphNodeKind) => string;
  edgeName: (edge: NetworkGraph['edges'][number]) => string;
  ariaLabel: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const RING: Record<GraphNodeKind, number> = {
  agency: 0,
  driving_unit: 160,
  programme: 180,
  partner: 320,
  project: 420,
};

/** A node's starting point: the agency at the centre, the others spread round their kind's ring. */
function startOf(kind: GraphNodeKind, index: number, count: number): { x: number; y: number } {
  const radius = RING[kind];
  const angle = (2 * Math.PI * index) / Math.max(1, count);
  return {
    x: Math.round(radius * Math.cos(angle) * 100) / 100,
    y: Math.round(radius * Math.sin(angle) * 100) / 100,
  };
}

function buildOption(
  graph: NetworkGraph,
  labels: GraphLabels,
  focus: string | null,
  compact: boolean,
): GraphOption {
  const kinds = Object.keys(NODE_STYLE) as GraphNodeKind[];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontFamily: FONT, fontSize: 14, color: '#17232f' },
      formatter: (params: unknown) => {
        const p = params as {
          dataType?: string;
          data?: { id?: string; source?: string; target?: string; edgeIndex?: number };
        };
        if (p.dataType === 'edge' && p.data?.edgeIndex !== undefined) {
          const edge = graph.edges[p.data.edgeIndex];
          if (!edge) {
            return '';
          }
          const a = byId.get(edge.source);
          const b = byId.get(edge.target);
          return `${escapeHtml(a ? labels.nodeName(a) : '')} — ${escapeHtml(b ? labels.nodeName(b) : '')}<br>${escapeHtml(labels.edgeName(edge))}`;
        }
        const node = p.data?.id ? byId.get(p.data.id) : undefined;
        return node
          ? `<strong>${escapeHtml(labels.nodeName(node))}</strong><br>${escapeHtml(labels.kindName(node.kind))}`
          : '';
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        categories: kinds.map((kind) => ({ name: kind, itemStyle: { color: NODE_STYLE[kind].color } })),
        force: {
          repulsion: compact ? 320 : 900,
          edgeLength: compact ? [60, 130] : [120, 240],
          gravity: compact ? 0.08 : 0.05,
          layoutAnimation: false,
        },
        label: {
          show: !compact,
          position: 'right',
          fontFamily: FONT,
          fontSize: 12,
          color: '#17232f',
          width: 160,
          overflow: 'truncate',
        },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency', label: { show: true } },
        lineStyle: { curveness: 0.08, opacity: 0.9 },
        data: graph.nodes.map((node, index) => ({
          id: node.id,
          // A fixed start on rings around the agency (never random, never two nodes on one spot): the force layout
          // begins from real coordinates, so the view always has a proper extent, and the picture is the same each time.
          ...startOf(node.kind, index, graph.nodes.length),
          name: node.id,
          category: kinds.indexOf(node.kind),
          symbolSize: NODE_STYLE[node.kind].size * (node.id === focus ? 1.6 : 1) * (compact ? 0.8 : 1),
          label: {
            formatter: () => labels.nodeName(node),
            show: node.kind === 'agency' || node.id === focus || (!compact && node.kind !== 'project'),
          },
          ...(node.id === focus ? { itemStyle: { borderColor: '#17232f', borderWidth: 3 } } : {}),
        })),
        edges: graph.edges.map((edge, edgeIndex) => ({
          source: edge.source,
          target: edge.target,
          edgeIndex,
          lineStyle: {
            color: EDGE_COLOR[edge.kind],
            type: edge.kind === 'mou' ? 'dashed' : 'solid',
            width: edge.kind === 'structure' ? 1 : 2,
          },
        })),
      },
    ],
  };
}

export interface NetworkGraphProps {
  graph: NetworkGraph;
  labels: GraphLabels;
  focus: string | null;
  onSelect: (nodeId: string) => void;
}

/** An Apache ECharts force-directed graph of the network; clicking a node calls `onSelect` with its id. */
export default function NetworkGraphChart({ graph, labels, focus, onSelect }: NetworkGraphProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const onSelectRef = useRef(onSelect);

  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return undefined;
    }
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const data = params.data as { id?: unknown } | undefined;
      if (params.dataType === 'node' && typeof data?.id === 'string') {
        onSelectRef.current(data.id);
      }
    });
    const observer = new ResizeObserver(() => {
      if (chart.isDisposed() || container.clientWidth === 0 || container.clientHeight === 0) {
        return;
      }
      try {
        chart.resize();
      } catch {
        // ECharts 6 may fail to rebuild the graph's view on a resize that comes while it lays out a new option (a
        // transform it inverts is not valid yet); the drawing stays as it is and the next resize or option redraws it.
      }
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    chart?.setOption(buildOption(graph, labels, focus, chart.getWidth() < 600), { notMerge: true });
  }, [graph, labels, focus]);

  return (
    <div
      ref={containerRef}
      className="nw-graph"
      role="img"
      aria-label={labels.ariaLabel}
      data-testid="network-graph"
      data-node-ids={graph.nodes.map((n) => n.id).join(' ')}
    />
  );
}
