import { useEffect, useRef, useState } from 'react';
import type { TrendPlot } from './trend-chart-draw.js';

/** Loads the chart library once, the first time a chart is about to be seen. */
let library: Promise<typeof import('./trend-chart-draw.js')> | undefined;
const loadLibrary = () => (library ??= import('./trend-chart-draw.js'));

/**
 * A chart of a monthly series. The library is fetched only when the chart nears the screen, so nothing of it delays
 * the page; until then (and if it cannot load, offline) the space is kept and the table below tells the same.
 * For screen readers the chart is one image described by `summary`; the table behind it is the full text.
 */
export function TrendChart({ plot, summary, testId }: { plot: TrendPlot; summary: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const el = host.current;
    if (!el || visible) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '200px' });
    seen.observe(el);
    return () => seen.disconnect();
  }, [visible]);

  useEffect(() => {
    const el = host.current;
    if (!visible || !el) return;
    let remove: (() => void) | undefined;
    let live = true;
    loadLibrary().then(
      (lib) => {
        if (!live) return;
        remove = lib.draw(el, plot);
        setDrawn(true);
      },
      () => {
        // offline before the library was kept: the table tells the same
        library = undefined;
      },
    );
    return () => {
      live = false;
      remove?.();
    };
  }, [visible, plot]);

  // the space is kept while the library loads, so nothing below moves when the chart appears
  return <div ref={host} className={drawn ? 'trend-chart drawn' : 'trend-chart'} role="img" aria-label={summary} data-testid={testId} style={{ minHeight: 220 }} />;
}
