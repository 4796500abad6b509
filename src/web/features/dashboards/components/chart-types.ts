/** One series of a bar chart: its name (legend), one value per category, its colour and an optional stack. */
export interface ChartSeries {
  name: string;
  values: Array<number | null>;
  color: string;
  stack?: string;
}

export interface ChartProps {
  /** What the chart shows, for screen readers (the table after it has the figures). */
  label: string;
  categories: string[];
  series: ChartSeries[];
  horizontal?: boolean;
  /** How values show on the axis and in tooltips. */
  format?: (value: number) => string;
  /** The unit of the value axis, e.g. "million baht". */
  valueName?: string;
  /** CSS height; default from the stylesheet. */
  height?: string;
}

/** Colours of series, distinguishable and dark enough against white. */
export const CHART_COLOURS = [
  '#0b3a5b',
  '#2f6fb3',
  '#d9822b',
  '#1c6b3c',
  '#8e44ad',
  '#b03a2e',
  '#138d75',
  '#7d6608',
  '#5d6d7e',
  '#c2185b',
] as const;

export const colourAt = (index: number): string => CHART_COLOURS[index % CHART_COLOURS.length] ?? '#0b3a5b';
