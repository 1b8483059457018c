// The chart library, loaded only when a trend chart comes into view (TrendChart.tsx imports this module lazily), so the
// dashboard's first paint waits for none of it: ECharts' core with the bar and line charts, the grid, the tooltip and
// the legend, drawn as SVG (sharp on any screen, lighter than canvas on a cheap phone).
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface TrendSeries {
  name: string;
  values: number[];
  kind: 'bar' | 'line';
  color: string;
}

export interface TrendPlot {
  /** the months' names, oldest first, as the person reads them */
  months: string[];
  series: TrendSeries[];
  /** a share in per cent: the axis runs 0–100 */
  percent?: boolean;
  /** a bar or point picked: which series, which month */
  onPick?(series: number, month: number): void;
}

/** Draws the plot into `host`, redrawn at the host's size; returns what removes it. */
export function draw(host: HTMLElement, plot: TrendPlot): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: plot.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    legend: plot.series.length > 1 ? { top: 0, itemWidth: 14, textStyle: { fontSize: 12 } } : undefined,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (plot.percent ? `${String(v)}%` : String(v)) },
    xAxis: { type: 'category', data: plot.months, axisLabel: { fontSize: 11, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, ...(plot.percent && { max: 100, axisLabel: { formatter: '{value}%' } }) },
    series: plot.series.map((s) => ({
      name: s.name,
      type: s.kind,
      data: s.values,
      itemStyle: { color: s.color },
      ...(s.kind === 'line' ? { symbolSize: 7, connectNulls: false } : { barMaxWidth: 28 }),
      cursor: plot.onPick ? 'pointer' : 'default',
    })),
  });
  if (plot.onPick) chart.on('click', (p) => plot.onPick?.(p.seriesIndex ?? 0, p.dataIndex));
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(host);
  return () => {
    resize.disconnect();
    chart.dispose();
  };
}
