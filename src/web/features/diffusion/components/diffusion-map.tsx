import { useEffect, useRef } from 'react';
import { init, registerMap, use as installECharts, type ComposeOption, type EChartsType } from 'echarts/core';
import { LinesChart, ScatterChart, type LinesSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GeoComponent,
  TooltipComponent,
  type GeoComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { BoundaryFeatureCollection } from '@shared/contracts/geo';
import type { MapModel } from '../map-model';

installECharts([ScatterChart, LinesChart, GeoComponent, TooltipComponent, CanvasRenderer]);

type DiffusionOption = ComposeOption<
  ScatterSeriesOption | LinesSeriesOption | GeoComponentOption | TooltipComponentOption
>;
type MapDefinition = Parameters<typeof registerMap>[1];

const MAP_NAME = 'thailand-diffusion';
const FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";
const ASPECT_SCALE = 0.97;

let registered: BoundaryFeatureCollection | null = null;

function ensureMapRegistered(boundaries: BoundaryFeatureCollection): void {
  if (registered === boundaries) {
    return;
  }
  const geoJson = {
    type: 'FeatureCollection',
    features: boundaries.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, name: String(feature.properties.code) },
    })),
  };
  registerMap(MAP_NAME, geoJson as unknown as MapDefinition);
  registered = boundaries;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tooltipOf(params: unknown): string {
  if (typeof params === 'object' && params !== null && 'data' in params) {
    const data: unknown = params.data;
    if (typeof data === 'object' && data !== null && 'tip' in data && typeof data.tip === 'string') {
      return data.tip
        .split('\n')
        .map((line, i) => (i === 0 ? `<strong>${escapeHtml(line)}</strong>` : escapeHtml(line)))
        .join('<br>');
    }
  }
  return '';
}

function buildOption(model: MapModel): DiffusionOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontFamily: FONT, fontSize: 14, color: '#17232f' },
      formatter: tooltipOf,
    },
    geo: {
      map: MAP_NAME,
      roam: false,
      aspectScale: ASPECT_SCALE,
      top: 8,
      bottom: 8,
      left: 'center',
      silent: true,
      itemStyle: { areaColor: '#eef2f6', borderColor: '#b8c4d0', borderWidth: 0.6 },
      regions: model.targetProvinceCodes.map((code) => ({
        name: String(code),
        itemStyle: { areaColor: '#fbe9e7' },
      })),
    },
    series: [
      {
        type: 'lines',
        name: model.linkName,
        coordinateSystem: 'geo',
        zlevel: 1,
        symbol: ['none', 'arrow'],
        symbolSize: 7,
        lineStyle: { color: '#5a6b7c', width: 1.2, opacity: 0.55, curveness: 0.2 },
        data: model.links.map((l) => ({ coords: [l.from, l.to] })),
        silent: true,
      },
      ...model.legend
        .filter((l) => l.kind === 'status')
        .map((l): ScatterSeriesOption => ({
          type: 'scatter',
          name: l.name,
          coordinateSystem: 'geo',
          zlevel: 2,
          symbol: 'circle',
          symbolSize: 10,
          itemStyle: { color: l.color, borderColor: '#ffffff', borderWidth: 1 },
          data: model.sites
            .filter((s) => s.status === l.status)
            .map((s) => ({ name: s.id, value: s.point, tip: s.tip })),
        })),
      {
        type: 'scatter',
        name: model.originName,
        coordinateSystem: 'geo',
        zlevel: 3,
        symbol: 'diamond',
        symbolSize: 16,
        itemStyle: { color: model.originColor, borderColor: '#ffffff', borderWidth: 1.5 },
        data: model.origins.map((o) => ({ name: o.id, value: o.point, tip: o.tip })),
      },
    ],
  };
}

/** The diffusion map on the province boundaries (ECharts): origins, adoption sites coloured by status, links. */
export default function DiffusionMap({
  boundaries,
  model,
  ariaLabel,
  onSelectSite,
}: {
  boundaries: BoundaryFeatureCollection;
  model: MapModel;
  ariaLabel: string;
  onSelectSite: (adoptionId: string) => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const onSelectRef = useRef(onSelectSite);

  useEffect(() => {
    onSelectRef.current = onSelectSite;
  }, [onSelectSite]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return undefined;
    }
    ensureMapRegistered(boundaries);
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      if (
        params.seriesType === 'scatter' &&
        typeof params.name === 'string' &&
        params.seriesIndex !== undefined
      ) {
        const isOrigin = params.seriesName === model.originName;
        if (!isOrigin) {
          onSelectRef.current(params.name);
        }
      }
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [boundaries, model.originName]);

  useEffect(() => {
    chartRef.current?.setOption(buildOption(model), { notMerge: true });
  }, [boundaries, model]);

  return <div ref={containerRef} className="df-map__chart" role="img" aria-label={ariaLabel} />;
}
