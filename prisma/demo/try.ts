import { planDemo } from './plan.js';
const t0 = Date.now();
const p = planDemo(new Date('2026-12-07T05:00:00Z'));
console.log(Date.now() - t0, 'ms', p.cases.length, 'cases', p.reports.length, 'reports, cut', p.cut, 'events', p.cases.reduce((n, c) => n + c.history.length, 0));
console.log(JSON.stringify(p.cases.slice(0, 3), null, 1).slice(0, 3000));
console.log(p.reports.slice(0, 3));
const byTrack = p.cases.reduce((m, c) => ((m[c.track] = (m[c.track] ?? 0) + 1), m), {} as Record<string, number>);
console.log(byTrack);
