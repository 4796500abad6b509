import { useEffect, useRef } from 'react';
import { init, registerMap, use as installECharts, type ComposeOption, type EChartsType } from 'echarts/core';
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import {
  TooltipComponent,
  VisualMapComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { BoundaryFeatureCollection } from '@shared/contracts/geo';
import { NO_DATA_COLOR, TARGET_OUTLINE_COLOR, spannedExtent, type Extent } from '../color-scale';
import type { MapItem } from '../map-data';

// Only the parts the choropleth needs (modular ECharts keeps this lazy chunk small).
installECharts([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type ChoroplethOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;
type MapDefinition = Parameters<typeof registerMap>[1];

const MAP_NAME = 'thailand';
const FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";
/** Thailand's mid latitude is about 13°N: squash longitude by cos(13°) rather than ECharts' default 0.75. */
const ASPECT_SCALE = 0.97;

let registered: BoundaryFeatureCollection | null = null;

/** Registers the boundaries with ECharts once, each feature named by its province code ("10" … "96"). */
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

function nameOf(params: unknown): string | undefined {
  if (typeof params === 'object' && params !== null && 'name' in params && typeof params.name === 'string') {
    return params.name;
  }
  return undefined;
}

export interface ChoroplethProps {
  boundaries: BoundaryFeatureCollection;
  items: ReadonlyMap<number, MapItem>;
  extent: Extent | null;
  /** Colours from the lowest to the highest value. */
  colors: string[];
  labels: { low: string; high: string };
  ariaLabel: string;
  onSelect: (code: number) => void;
}

function buildOption(
  items: ReadonlyMap<number, MapItem>,
  extent: Extent | null,
  colors: string[],
  labels: ChoroplethProps['labels'],
): ChoroplethOption {
  const data: NonNullable<MapSeriesOption['data']> = [...items.values()].map((item) => ({
    name: String(item.code),
    value: item.value ?? Number.NaN,
    ...(item.targetRank !== null ? { itemStyle: { borderColor: TARGET_OUTLINE_COLOR, borderWidth: 2 } } : {}),
  }));
  const scale = extent ? spannedExtent(extent) : null;
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontFamily: FONT, fontSize: 14, color: '#17232f' },
      formatter: (params: unknown) => {
        const item = items.get(Number(nameOf(params)));
        if (!item) {
          return '';
        }
        const target = item.targetText ? `<br>${escapeHtml(item.targetText)}` : '';
        return `<strong>${escapeHtml(item.name)}</strong><br>${escapeHtml(item.valueText)}${target}`;
      },
    },
    visualMap: scale
      ? {
          type: 'continuous',
          seriesIndex: 0,
          min: scale.min,
          max: scale.max,
          calculable: false,
          realtime: false,
          orient: 'horizontal',
          left: 'center',
          bottom: 4,
          itemWidth: 14,
          itemHeight: 180,
          text: [labels.high, labels.low],
          textGap: 8,
          textStyle: { fontFamily: FONT, color: '#17232f', fontSize: 13 },
          inRange: { color: colors },
          outOfRange: { color: [NO_DATA_COLOR] },
        }
      : undefined,
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        roam: false,
        aspectScale: ASPECT_SCALE,
        // Height-driven and centred; the container's CSS aspect ratio (taller than Thailand) keeps it within the width.
        top: 8,
        bottom: extent ? 56 : 8,
        left: 'center',
        selectedMode: false,
        cursor: 'pointer',
        label: { show: false },
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: {
          label: { show: false },
          itemStyle: { areaColor: '#8fb8de', borderColor: '#0b3a5b', borderWidth: 1.5 },
        },
        data,
      },
    ],
  };
}

/** An Apache ECharts choropleth of the provinces; clicking a province calls `onSelect` with its code. */
export default function ChoroplethMap({
  boundaries,
  items,
  extent,
  colors,
  labels,
  ariaLabel,
  onSelect,
}: ChoroplethProps) {
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
    ensureMapRegistered(boundaries);
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const code = Number(nameOf(params));
      if (Number.isInteger(code)) {
        onSelectRef.current(code);
      }
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [boundaries]);

  useEffect(() => {
    chartRef.current?.setOption(buildOption(items, extent, colors, labels), { notMerge: true });
  }, [boundaries, items, extent, colors, labels]);

  return <div ref={containerRef} className="choropleth" role="img" aria-label={ariaLabel} />;
}
