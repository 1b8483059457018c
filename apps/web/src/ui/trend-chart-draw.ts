// The chart library, loaded only when a trend chart comes into view (TrendChart.tsx imports this module lazily), so the
// dashboard's first paint waits for none of it. uPlot (about 20 KB compressed) rather than a larger library: the
// dashboard is read on cheap phones over weak links, and a month's bars and lines are all it draws.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

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
  /** a bar or point picked: which series, which month */
  onPick?(series: number, month: number): void;
}

const HEIGHT = 220;

/** Draws the plot into `host`, redrawn at the host's width; returns what removes it. */
export function draw(host: HTMLElement, plot: TrendPlot): () => void {
  const n = plot.months.length;
  const bars = plot.series.filter((s) => s.kind === 'bar').length;
  let bar = 0;
  const opts: uPlot.Options = {
    width: Math.max(200, host.clientWidth),
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: false, range: () => [-0.5, n - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
    axes: [
      {
        splits: () => plot.months.map((_, i) => i),
        // as many months named as fit (every second or third on a phone), the latest always among them
        values: (u, splits) => {
          const fit = Math.max(1, Math.floor(u.bbox.width / devicePixelRatio / 48));
          const step = Math.ceil(n / fit);
          return splits.map((i) => ((n - 1 - i) % step === 0 ? (plot.months[i] ?? '') : ''));
        },
        grid: { show: false },
        size: 36,
        font: '11px sans-serif',
      },
      { size: 40, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? v.toLocaleString('en-IN') : '')), font: '11px sans-serif' },
    ],
    series: [
      {},
      ...plot.series.map((s): uPlot.Series => {
        if (s.kind === 'line') return { label: s.name, stroke: s.color, width: 2, points: { show: true, size: 7, fill: s.color } };
        // two bar series side by side, left and right of the month
        const align = bars > 1 ? (bar++ === 0 ? -1 : 1) : 0;
        return { label: s.name, stroke: s.color, fill: s.color, width: 0, points: { show: false }, paths: uPlot.paths.bars!({ size: [bars > 1 ? 0.4 : 0.6, 32], align }) };
      }),
    ],
  };
  const chart = new uPlot(opts, [plot.months.map((_, i) => i), ...plot.series.map((s) => s.values)], host);
  const pick = () => {
    const month = chart.cursor.idx;
    if (month === null || month === undefined || !plot.onPick) return;
    // of two bars, the one on the side tapped
    const series = bars > 1 && (chart.cursor.left ?? 0) > chart.valToPos(month, 'x') ? 1 : 0;
    plot.onPick(series, month);
  };
  chart.over.addEventListener('click', pick);
  if (plot.onPick) chart.over.style.cursor = 'pointer';
  const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, host.clientWidth), height: HEIGHT }));
  resize.observe(host);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}
