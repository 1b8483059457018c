import { startTransition, useEffect, useMemo, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { WEB_APP_BASE, type DashboardArea, type DashboardCases, type DashboardMeasure, type DashboardOverview, type DashboardSection, type DashboardTrendMonth, type DashboardTrends } from '@raksha/contracts';
import { casesQuery, dashboardQuery, formatMonth, searchOf, trendsQuery, viewOf, type DashboardScope, type DashboardView, type Drill } from '../lib/dashboard.js';
import { formatDate } from '../lib/i18n.js';
import { Choose, ColumnHeads, Link, PageTitle, Show, errorText } from './bits.js';
import { TrendChart } from './TrendChart.js';
import type { TrendPlot } from './trend-chart-draw.js';
import { useApp, useLoad } from './context.js';
import { FunctioningSection } from './Functioning.js';
import { PlacePicker, PlaceWords, useStateName } from './PlacePicker.js';
import { dayInIndia } from '@raksha/domain';

const AREA_ORDERS = ['name', 'productionShare', 'pending', 'escalationsOpen', 'cases'] as const;
type AreaOrder = (typeof AREA_ORDERS)[number];

/** The address's query, read again when Back or Forward changes it (and on every render, after a link was followed). */
const subscribeToHistory = (changed: () => void) => {
  window.addEventListener('popstate', changed);
  return () => window.removeEventListener('popstate', changed);
};
function useView(): DashboardView {
  const search = useSyncExternalStore(subscribeToHistory, () => window.location.search);
  return useMemo(() => viewOf(search), [search]);
}
const POLICE_BODIES: readonly string[] = ['SJPU', 'POLICE_STATION'];

/** The address of a view of the dashboard: what a link to it holds, so Back returns and a link can be shared. */
const hrefOf = (view: DashboardView) => `/dashboard${searchOf(view)}`;
const drillOf = (measure: DashboardMeasure, more: Partial<Drill> = {}): Drill => ({ measure, month: '', track: '', phase: '', ...more });

/**
 * The dashboards: the MIS dashboard a monitor audits with, the police's of their station and district, and the
 * cases behind any figure of either. Place, period and the list opened live in the address.
 */
export function Dashboard() {
  const { session } = useApp();
  const view = useView();
  if (view.drill) return <CasesBehind view={view} drill={view.drill} />;
  if (POLICE_BODIES.includes(session.user.body?.type ?? '')) return <PoliceDashboard view={view} />;
  return <MisDashboard view={view} />;
}

/**
 * How many of a page's `total` sections below its first screen to draw: none at first, then one more per task once
 * `start`, each as a transition, so drawing the whole dashboard is no single long task that leaves a phone
 * unresponsive (Lighthouse's total blocking time). Once all are drawn they stay.
 */
function useStaged(total: number, start: boolean): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!start || shown >= total) return;
    const next = setTimeout(() => startTransition(() => setShown((n) => n + 1)), 0);
    return () => clearTimeout(next);
  }, [start, shown, total]);
  return shown;
}

/** The MIS dashboard a state monitor audits with: the place's figures, charts first, the table behind each, a CSV of each. */
function MisDashboard({ view }: { view: DashboardView }) {
  const { t, api, session, navigate } = useApp();
  const own = session.user.body;
  const scope: DashboardScope = useMemo(() => ({ stateCode: view.stateCode, districtCode: view.districtCode, from: view.from, to: view.to }), [view]);
  const [draft, setDraft] = useState<DashboardScope>(scope);
  useEffect(() => setDraft(scope), [scope]);
  const overview = useLoad(() => api.get<DashboardOverview>(`/dashboards/overview?${dashboardQuery(scope)}`), [scope]);
  const shown = useStaged(9, overview.data !== undefined);

  const go = (next: DashboardScope) => navigate(hrefOf({ ...view, ...next, thanaCode: '', drill: null }));
  function apply(e: FormEvent) {
    e.preventDefault();
    go({ ...draft, stateCode: draft.stateCode.trim().toUpperCase(), districtCode: draft.districtCode.trim().toUpperCase() });
  }
  const set = (k: keyof DashboardScope) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <section aria-labelledby="page-title" className="dashboard">
      <PageTitle>{t('dash.title')}</PageTitle>
      <p className="muted">{t('dash.intro')}</p>
      <form onSubmit={apply} className="filters no-print" aria-label={t('dash.filters')}>
        {!own?.districtCode && <PlacePicker idPrefix="dash" value={draft} onChange={(place) => setDraft((d) => ({ ...d, ...place }))} fixedStateCode={own?.stateCode} />}
        <div>
          <label htmlFor="dash-from">{t('dash.from')}</label>
          <input id="dash-from" type="date" value={draft.from} onChange={set('from')} />
        </div>
        <div>
          <label htmlFor="dash-to">{t('dash.to')}</label>
          <input id="dash-to" type="date" value={draft.to} onChange={set('to')} />
        </div>
        <div>
          <button type="submit" className="primary">
            {t('dash.show')}
          </button>
        </div>
      </form>
      <Show loaded={overview}>
        {(o) => (
          <>
            <ScopeLine o={o} canWiden={(level) => (level === 'STATE' ? !own?.districtCode : !own?.stateCode)} go={go} scope={scope} />
            <Headlines o={o} view={view} />
            {shown > 0 && <TrendsSection view={view} police={false} />}
            {shown > 1 && <AreasSection o={o} onOpen={(code) => go(o.areaLevel === 'STATE' ? { ...scope, stateCode: code, districtCode: '' } : { ...scope, districtCode: code })} scope={scope} view={view} />}
            {shown > 2 && <CasesSection o={o} scope={scope} view={view} />}
            {shown > 3 && <TimelinessSection o={o} scope={scope} />}
            {shown > 4 && <EscalationsSection o={o} scope={scope} />}
            {shown > 5 && <MissingSection o={o} scope={scope} />}
            {shown > 6 && <OccupancySection o={o} scope={scope} />}
            {shown > 7 && <RestorationsSection o={o} scope={scope} />}
            {shown > 8 && o.scope.stateCode && <FunctioningSection stateCode={o.scope.stateCode} districtCode={o.scope.districtCode ?? ''} />}
            {shown > 8 && (
              <p className="no-print">
                <CsvButton scope={scope} label={t('dash.csvAll')} />
              </p>
            )}
          </>
        )}
      </Show>
    </section>
  );
}

function ScopeLine({ o, scope, go, canWiden }: { o: DashboardOverview; scope: DashboardScope; go(s: DashboardScope): void; canWiden(level: 'STATE' | 'NATIONAL'): boolean }) {
  const { t, lang } = useApp();
  const place = o.scope.stateCode ? o.scope.name : t('dash.india');
  const stateName = useStateName(o.scope.districtCode ? o.scope.stateCode : null);
  return (
    <div className="notice" role="status">
      <p>
        <strong>{t('dash.scope', { place, from: formatDate(lang, `${o.scope.from}T12:00:00+05:30`), to: formatDate(lang, `${o.scope.to}T12:00:00+05:30`) })}</strong>
      </p>
      {o.scope.districtCode && canWiden('STATE') && (
        <button type="button" className="link no-print" onClick={() => go({ ...scope, districtCode: '', stateCode: o.scope.stateCode ?? '' })}>
          {t('dash.up', { place: stateName })}
        </button>
      )}
      {!o.scope.districtCode && o.scope.stateCode && canWiden('NATIONAL') && (
        <button type="button" className="link no-print" onClick={() => go({ ...scope, districtCode: '', stateCode: '' })}>
          {t('dash.up', { place: t('dash.india') })}
        </button>
      )}
    </div>
  );
}

function Headlines({ o, view }: { o: DashboardOverview; view: DashboardView }) {
  const { t } = useApp();
  const count = (n: number) => n.toLocaleString('en-IN');
  const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
  const cases = o.casesByTrackAndPhase.reduce((s, r) => s + r.cases, 0);
  const pending = o.pendingBeyond4Months.reduce((s, r) => s + r.cases, 0);
  const openEscalations = o.escalations.filter((e) => e.status !== 'RESOLVED').reduce((s, e) => s + e.escalations, 0);
  const missingOpen = o.missingReports.byStatus.filter((r) => r.status === 'OPEN' || r.status === 'PENDING_ACCEPTANCE').reduce((s, r) => s + r.reports, 0);
  const tiles: { label: string; value: string; late?: boolean; drill?: DashboardMeasure }[] = [
    { label: t('dash.kpi.cases'), value: count(cases), drill: 'registered' },
    { label: t('dash.kpi.pending'), value: count(pending), late: pending > 0, drill: 'pendingBeyond4Months' },
    { label: t('dash.kpi.production'), value: pct(o.production.sharePercent), late: o.production.sharePercent !== null && o.production.sharePercent < 100, drill: 'produced' },
    { label: t('dash.kpi.sirs'), value: pct(o.socialInvestigationReports.sharePercent), late: o.socialInvestigationReports.sharePercent !== null && o.socialInvestigationReports.sharePercent < 100 },
    { label: t('dash.kpi.escalationsOpen'), value: count(openEscalations), late: openEscalations > 0 },
    { label: t('dash.kpi.missingOpen'), value: count(missingOpen) },
    { label: t('dash.kpi.restored'), value: count(o.restorations.restored) },
    { label: t('dash.kpi.followUpsOverdue'), value: count(o.restorations.followUpsOverdue), late: o.restorations.followUpsOverdue > 0 },
  ];
  return (
    <ul className="kpis" aria-label={t('dash.headlines')}>
      {tiles.map((k) => (
        <li key={k.label} className={k.late ? 'kpi late' : 'kpi'}>
          {k.drill ? (
            <FigureLink view={view} drill={drillOf(k.drill)} className="kpi-value" label={t('dash.drill.open', { figure: k.label, value: k.value })}>
              {k.value}
            </FigureLink>
          ) : (
            <span className="kpi-value">{k.value}</span>
          )}
          <span className="kpi-label">{k.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** A figure that opens the cases behind it: a real link (it can be opened in a new tab, or shared), named for what it counts. */
function FigureLink({ view, drill, label, className, children }: { view: DashboardView; drill: Drill; label: string; className?: string; children: ReactNode }) {
  const { navigate } = useApp();
  const to = hrefOf({ ...view, drill });
  return (
    <a
      href={`${WEB_APP_BASE}${to}`}
      className={className ? `${className} drill` : 'drill'}
      aria-label={label}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** A section: its chart, the table behind it (folded), and its CSV. */
function Section({ id, title, scope, section, children, table, note }: { id: string; title: string; scope: DashboardScope; section: DashboardSection; children: ReactNode; table: ReactNode; note?: ReactNode }) {
  const { t } = useApp();
  return (
    <section className="card dash-section" aria-labelledby={`${id}-title`} id={id}>
      <div className="row">
        <h2 id={`${id}-title`}>{title}</h2>
        <CsvButton scope={scope} section={section} label={t('dash.csv')} describedBy={`${id}-title`} />
      </div>
      {note && <p className="muted small">{note}</p>}
      {children}
      <details className="dash-table">
        <summary>{t('dash.table')}</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </section>
  );
}

function CsvButton({ scope, section, label, describedBy, path }: { scope?: DashboardScope; section?: DashboardSection; label: string; describedBy?: string; path?: string }) {
  const { tx, api, online } = useApp();
  const [error, setError] = useState<string>();
  async function download() {
    setError(undefined);
    try {
      const { blob, filename } = await api.file(path ?? `/dashboards/overview?${dashboardQuery(scope!, section ?? 'all')}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename ?? 'raksha-dashboard.csv';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(errorText(err, tx));
    }
  }
  return (
    <>
      <button type="button" className="no-print csv" onClick={() => void download()} disabled={!online} aria-describedby={describedBy}>
        {label}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}

/** Horizontal bars, each labelled with its figure, so the chart reads without the table. */
function Bars({ rows, label }: { rows: { key: string; label: string; value: number; of?: number; late?: boolean; display?: string }[]; label: string }) {
  const { t } = useApp();
  const max = Math.max(1, ...rows.map((r) => r.of ?? r.value));
  if (rows.length === 0) return <p>{t('dash.nothing')}</p>;
  return (
    <figure className="bars" aria-label={label}>
      {rows.map((r) => (
        <div key={r.key} className={r.late ? 'bar late' : 'bar'}>
          <span className="bar-label">{r.label}</span>
          <span className="bar-track" aria-hidden="true">
            {r.of !== undefined && <span className="bar-of" style={{ width: `${(r.of / max) * 100}%` }} />}
            <span className="bar-fill" style={{ width: `${(Math.min(r.value, r.of ?? r.value) / max) * 100}%` }} />
          </span>
          <span className="bar-value">{r.display ?? r.value.toLocaleString('en-IN')}</span>
        </div>
      ))}
    </figure>
  );
}

function ShareMeter({ label, percent, part, whole }: { label: string; percent: number | null; part: number; whole: number }) {
  const { t } = useApp();
  return (
    <div className="share">
      <span className={percent !== null && percent < 100 ? 'share-value late' : 'share-value'}>{percent === null ? '—' : `${percent}%`}</span>
      <span>
        {label}
        <br />
        <span className="muted small">{t('dash.ofTotal', { part: part.toLocaleString('en-IN'), whole: whole.toLocaleString('en-IN') })}</span>
      </span>
      <span className={percent !== null && percent < 100 ? 'meter over' : 'meter'} aria-hidden="true">
        <span style={{ width: `${percent ?? 0}%` }} />
      </span>
    </div>
  );
}

function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  const { t } = useApp();
  if (rows.length === 0) return <p>{t('dash.nothing')}</p>;
  return (
    <table className="data">
      <ColumnHeads columns={head} />
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AreasSection({ o, scope, view, onOpen }: { o: DashboardOverview; scope: DashboardScope; view: DashboardView; onOpen(code: string): void }) {
  const { t } = useApp();
  // a cell opens the cases it counts, in that area
  const inArea = (a: DashboardArea): DashboardView => (o.areaLevel === 'STATE' ? { ...view, stateCode: a.code, districtCode: '' } : { ...view, districtCode: a.code });
  const cell = (a: DashboardArea, measure: DashboardMeasure, value: number, figure: string) => (
    <FigureLink view={inArea(a)} drill={drillOf(measure)} label={t('dash.drill.openIn', { figure, value, place: a.name })}>
      {value}
    </FigureLink>
  );
  const [order, setOrder] = useState<AreaOrder>('productionShare');
  const sorted = [...o.areas].sort(areaComparator(order));
  const canOpen = !o.scope.districtCode;
  const level = o.areaLevel === 'STATE' ? t('dash.areas.states') : t('dash.areas.districts');
  const name = (a: DashboardArea) =>
    canOpen ? (
      <button type="button" className="link" onClick={() => onOpen(a.code)}>
        {a.name}
      </button>
    ) : (
      a.name
    );
  return (
    <Section
      id="dash-areas"
      title={t('dash.areas.title', { level })}
      scope={scope}
      section="areas"
      note={t('dash.areas.note')}
      table={
        <Table
          head={[t('dash.col.area'), t('dash.kpi.cases'), t('dash.kpi.pending'), t('dash.col.produced'), t('dash.col.within24'), t('dash.col.sirs'), t('dash.col.sirsOnTime'), t('dash.kpi.escalationsOpen'), t('dash.col.missing'), t('dash.col.traced'), t('dash.col.inCare'), t('dash.col.places'), t('dash.kpi.restored')]}
          rows={sorted.map((a) => [name(a), cell(a, 'registered', a.casesRegistered, t('dash.kpi.cases')), cell(a, 'pendingBeyond4Months', a.pendingBeyond4Months, t('dash.kpi.pending')), cell(a, 'produced', a.produced, t('dash.col.produced')), a.producedWithin24Hours, a.sirsSubmitted, a.sirsOnTime, a.escalationsOpen, a.missingReports, a.missingTraced, a.childrenInCare, a.sanctionedPlaces, a.restored])}
        />
      }
    >
      <label htmlFor="dash-area-order" className="no-print">
        {t('dash.areas.order')}
      </label>
      <Choose id="dash-area-order" className="no-print" value={order} onChange={(k) => setOrder(k as AreaOrder)} options={AREA_ORDERS} label={(k) => t(`dash.order.${k}`)} />
      <ol className="plain areas">
        {sorted.slice(0, 12).map((a) => (
          <li key={a.code} className={a.escalationsOpen > 0 || a.pendingBeyond4Months > 0 ? 'area late' : 'area'}>
            <span className="area-name">{name(a)}</span>
            <span className="small">
              {t('dash.areas.line', {
                cases: a.casesRegistered.toLocaleString('en-IN'),
                share: a.productionSharePercent === null ? '—' : `${a.productionSharePercent}%`,
                pending: a.pendingBeyond4Months.toLocaleString('en-IN'),
                open: a.escalationsOpen.toLocaleString('en-IN'),
              })}
            </span>
            <span className={a.productionSharePercent !== null && a.productionSharePercent < 100 ? 'meter over' : 'meter'} aria-hidden="true">
              <span style={{ width: `${a.productionSharePercent ?? 0}%` }} />
            </span>
          </li>
        ))}
      </ol>
      {sorted.length > 12 && <p className="muted small">{t('dash.areas.more', { count: sorted.length - 12 })}</p>}
    </Section>
  );
}

function areaComparator(order: AreaOrder): (a: DashboardArea, b: DashboardArea) => number {
  const byName = (a: DashboardArea, b: DashboardArea) => a.name.localeCompare(b.name);
  switch (order) {
    case 'name':
      return byName;
    case 'productionShare':
      // Worst first; areas with nothing produced after every area with a share.
      return (a, b) => (a.productionSharePercent ?? 101) - (b.productionSharePercent ?? 101) || b.produced - a.produced || byName(a, b);
    case 'pending':
      return (a, b) => b.pendingBeyond4Months - a.pendingBeyond4Months || byName(a, b);
    case 'escalationsOpen':
      return (a, b) => b.escalationsOpen - a.escalationsOpen || byName(a, b);
    case 'cases':
      return (a, b) => b.casesRegistered - a.casesRegistered || byName(a, b);
  }
}

function CasesSection({ o, scope, view }: { o: DashboardOverview; scope: DashboardScope; view: DashboardView }) {
  const { t, tx } = useApp();
  const byPhase = new Map<string, number>();
  for (const r of o.casesByTrackAndPhase) byPhase.set(r.phase, (byPhase.get(r.phase) ?? 0) + r.cases);
  return (
    <Section
      id="dash-cases"
      title={t('dash.cases.title')}
      scope={scope}
      section="cases"
      table={
        <Table
          head={[t('search.track'), t('search.phase'), t('dash.kpi.cases')]}
          rows={o.casesByTrackAndPhase.map((r) => [
            tx(`track.${r.track}`, r.track),
            tx(`phase.${r.phase}`, r.phase),
            <FigureLink key="n" view={view} drill={drillOf('registered', { track: r.track, phase: r.phase })} label={t('dash.drill.open', { figure: `${tx(`track.${r.track}`, r.track)}, ${tx(`phase.${r.phase}`, r.phase)}`, value: r.cases })}>
              {r.cases}
            </FigureLink>,
          ])}
        />
      }
    >
      <Bars label={t('dash.cases.title')} rows={[...byPhase].map(([phase, cases]) => ({ key: phase, label: tx(`phase.${phase}`, phase), value: cases }))} />
      <h3>{t('dash.pending.title')}</h3>
      <p className="muted small">{t('dash.pending.note')}</p>
      <Bars
        label={t('dash.pending.title')}
        rows={o.pendingBeyond4Months.map((r) => ({ key: r.track, label: tx(`track.${r.track}`, r.track), value: r.cases, late: r.cases > 0 }))}
      />
      <p className="no-print">
        <CsvButton scope={scope} section="pendency" label={t('dash.csvPending')} />
      </p>
    </Section>
  );
}

function TimelinessSection({ o, scope }: { o: DashboardOverview; scope: DashboardScope }) {
  const { t } = useApp();
  const p = o.production;
  const s = o.socialInvestigationReports;
  return (
    <Section
      id="dash-timeliness"
      title={t('dash.timeliness.title')}
      scope={scope}
      section="production"
      note={t('dash.timeliness.note')}
      table={
        <Table
          head={['', t('dash.col.count'), t('dash.col.onTime'), t('dash.col.share')]}
          rows={[
            [t('dash.timeliness.production'), p.produced, p.within24Hours, p.sharePercent === null ? '—' : `${p.sharePercent}%`],
            [t('dash.timeliness.sirs'), s.submitted, s.onTime, s.sharePercent === null ? '—' : `${s.sharePercent}%`],
          ]}
        />
      }
    >
      <ShareMeter label={t('dash.timeliness.production')} percent={p.sharePercent} part={p.within24Hours} whole={p.produced} />
      <ShareMeter label={t('dash.timeliness.sirs')} percent={s.sharePercent} part={s.onTime} whole={s.submitted} />
      <p className="no-print">
        <CsvButton scope={scope} section="sirs" label={t('dash.csvSirs')} />
      </p>
    </Section>
  );
}

function EscalationsSection({ o, scope }: { o: DashboardOverview; scope: DashboardScope }) {
  const { t, tx } = useApp();
  const hours = (h: number | null) => (h === null ? '—' : t('dash.hours', { hours: h }));
  return (
    <Section
      id="dash-escalations"
      title={t('dash.esc.title')}
      scope={scope}
      section="escalations"
      note={t('dash.esc.note')}
      table={
        <Table
          head={[t('dash.col.to'), t('dash.col.status'), t('dash.col.count'), t('dash.col.medianAge'), t('dash.col.maxAge')]}
          rows={o.escalations.map((e) => [tx(`dash.body.${e.toBody}`, e.toBody), t(`esc.status.${e.status}` as never), e.escalations, hours(e.medianAgeHours), hours(e.maxAgeHours)])}
        />
      }
    >
      <Bars
        label={t('dash.esc.title')}
        rows={o.escalations.map((e) => ({
          key: `${e.toBody}/${e.status}`,
          label: `${tx(`dash.body.${e.toBody}`, e.toBody)} · ${t(`esc.status.${e.status}` as never)}`,
          value: e.escalations,
          late: e.status !== 'RESOLVED',
          display: `${e.escalations.toLocaleString('en-IN')} · ${t('dash.medianAge', { age: hours(e.medianAgeHours) })}`,
        }))}
      />
    </Section>
  );
}

function MissingSection({ o, scope }: { o: DashboardOverview; scope: DashboardScope }) {
  const { t } = useApp();
  const m = o.missingReports;
  return (
    <Section
      id="dash-missing"
      title={t('dash.missing.title')}
      scope={scope}
      section="missingReports"
      note={m.medianDaysToTrace === null ? t('dash.missing.noTrace') : t('dash.missing.median', { days: m.medianDaysToTrace })}
      table={<Table head={[t('dash.col.status'), t('dash.col.count')]} rows={m.byStatus.map((r) => [t(`rep.status.${r.status}` as never), r.reports])} />}
    >
      <Bars label={t('dash.missing.title')} rows={m.byStatus.map((r) => ({ key: r.status, label: t(`rep.status.${r.status}` as never), value: r.reports, late: r.status === 'OPEN' }))} />
    </Section>
  );
}

function OccupancySection({ o, scope }: { o: DashboardOverview; scope: DashboardScope }) {
  const { t } = useApp();
  const total = o.occupancy.total;
  return (
    <Section
      id="dash-occupancy"
      title={t('dash.occ.title')}
      scope={scope}
      section="occupancy"
      note={t('dash.occ.total', { occupied: total.occupied.toLocaleString('en-IN'), sanctioned: total.sanctioned.toLocaleString('en-IN') })}
      table={
        <Table
          head={[t('dash.col.institution'), t('search.district'), t('dash.col.inCare'), t('dash.col.places')]}
          rows={o.occupancy.institutions.map((i) => [i.name, <PlaceWords key={i.districtCode} districtCode={i.districtCode} />, i.occupied, i.sanctioned])}
        />
      }
    >
      <Bars
        label={t('dash.occ.title')}
        rows={o.occupancy.institutions.slice(0, 20).map((i) => ({
          key: i.institutionId,
          label: i.name,
          value: i.occupied,
          of: i.sanctioned,
          late: i.occupied > i.sanctioned,
          display: t('dash.occ.line', { occupied: i.occupied, sanctioned: i.sanctioned }),
        }))}
      />
      {o.occupancy.institutions.length > 20 && <p className="muted small">{t('dash.occ.more', { count: o.occupancy.institutions.length - 20 })}</p>}
    </Section>
  );
}

function RestorationsSection({ o, scope }: { o: DashboardOverview; scope: DashboardScope }) {
  const { t } = useApp();
  const r = o.restorations;
  return (
    <Section
      id="dash-restorations"
      title={t('dash.rest.title')}
      scope={scope}
      section="restorations"
      table={
        <Table
          head={[t('dash.kpi.restored'), t('dash.col.followUpsDue', { days: r.followUpHorizonDays }), t('dash.kpi.followUpsOverdue')]}
          rows={[[r.restored, r.followUpsDue, r.followUpsOverdue]]}
        />
      }
    >
      <Bars
        label={t('dash.rest.title')}
        rows={[
          { key: 'restored', label: t('dash.kpi.restored'), value: r.restored },
          { key: 'due', label: t('dash.col.followUpsDue', { days: r.followUpHorizonDays }), value: r.followUpsDue },
          { key: 'overdue', label: t('dash.kpi.followUpsOverdue'), value: r.followUpsOverdue, late: r.followUpsOverdue > 0 },
        ]}
      />
    </Section>
  );
}

const TREND_COLORS = { registered: '#1f5fa8', produced: '#7a9cc6', producedWithin24Hours: '#2e7d32', pendingBeyond4Months: '#b3261e', escalations: '#a15c00', missingReports: '#6a4c93', foundReports: '#00796b' } as const;
type TrendKey = keyof typeof TREND_COLORS;
interface TrendCardSpec {
  id: string;
  title: string;
  note: string;
  series: { key: TrendKey; name: string; kind: 'bar' | 'line'; measure?: DashboardMeasure }[];
}

/** The place's months, as charts: loaded apart from the rest so the page shows before them. */
function TrendsSection({ view, police, canDrill = true }: { view: DashboardView; police: boolean; canDrill?: boolean }) {
  const { api } = useApp();
  const query = trendsQuery(view);
  const trends = useLoad(() => api.get<DashboardTrends>(`/dashboards/trends?${query}`), [query]);
  return <Show loaded={trends}>{(tr) => <Trends tr={tr} view={view} police={police} canDrill={canDrill} />}</Show>;
}

function Trends({ tr, view, police, canDrill }: { tr: DashboardTrends; view: DashboardView; police: boolean; canDrill: boolean }) {
  const { t, lang } = useApp();
  const first = tr.months[0]?.month ?? '';
  const last = tr.months.at(-1)?.month ?? '';
  const cards: TrendCardSpec[] = [
    { id: 'registered', title: t('dash.trend.registered'), note: t('dash.trend.registeredNote'), series: [{ key: 'registered', name: t('dash.kpi.cases'), kind: 'bar', measure: 'registered' }] },
    {
      id: 'production',
      title: t('dash.trend.production'),
      note: t('dash.trend.productionNote'),
      series: [
        { key: 'produced', name: t('dash.trend.produced'), kind: 'bar', measure: 'produced' },
        { key: 'producedWithin24Hours', name: t('dash.trend.within24'), kind: 'bar', measure: 'producedWithin24Hours' },
      ],
    },
    { id: 'pending', title: t('dash.kpi.pending'), note: t('dash.trend.pendingNote'), series: [{ key: 'pendingBeyond4Months', name: t('dash.kpi.pending'), kind: 'line', measure: 'pendingBeyond4Months' }] },
    police
      ? {
          id: 'reports',
          title: t('dash.trend.reports'),
          note: t('dash.trend.reportsNote'),
          series: [
            { key: 'missingReports', name: t('dash.trend.missing'), kind: 'bar' },
            { key: 'foundReports', name: t('dash.trend.found'), kind: 'bar' },
          ],
        }
      : { id: 'escalations', title: t('dash.trend.escalations'), note: t('dash.trend.escalationsNote'), series: [{ key: 'escalations', name: t('dash.trend.escalations'), kind: 'bar', measure: 'escalations' }] },
  ];
  const place = tr.scope.thanaName ?? tr.scope.name;
  return (
    <section className="card dash-section" aria-labelledby="dash-trends-title" id="dash-trends">
      <div className="row">
        <h2 id="dash-trends-title">{t('dash.trend.title')}</h2>
        <CsvButton path={`/dashboards/trends?${trendsQuery(view, true)}`} label={t('dash.csv')} describedBy="dash-trends-title" />
      </div>
      <p className="muted small">
        {t('dash.trend.scope', { place, from: formatMonth(lang, first), to: formatMonth(lang, last) })} {t('dash.trend.asOf')}
      </p>
      {police && <PoliceHeadlines tr={tr} view={view} canDrill={canDrill} />}
      <div className="trend-grid">
        {cards.map((c) => (
          <TrendCard key={c.id} spec={c} months={tr.months} view={view} canDrill={canDrill} />
        ))}
      </div>
    </section>
  );
}

/** One chart of the trends, the table behind it (folded), each figure opening its cases. */
function TrendCard({ spec, months, view, canDrill }: { spec: TrendCardSpec; months: DashboardTrendMonth[]; view: DashboardView; canDrill: boolean }) {
  const { t, lang, navigate } = useApp();
  const plot = useMemo<TrendPlot>(
    () => ({
      months: months.map((m) => formatMonth(lang, m.month, 'short')),
      series: spec.series.map((s) => ({ name: s.name, kind: s.kind, color: TREND_COLORS[s.key], values: months.map((m) => m[s.key]) })),
      onPick: (series, month) => {
        const measure = spec.series[series]?.measure;
        const m = months[month];
        if (canDrill && measure && m) navigate(hrefOf({ ...view, drill: drillOf(measure, { month: m.month }) }));
      },
    }),
    // the months and the language make the plot; a new answer is a new array
    [months, lang, canDrill],
  );
  const main = spec.series[0]!;
  const values = months.map((m) => m[main.key]);
  const most = Math.max(0, ...values);
  const mostAt = months[values.indexOf(most)]?.month ?? '';
  const summary = t('dash.trend.summary', {
    title: spec.title,
    from: formatMonth(lang, months[0]?.month ?? ''),
    to: formatMonth(lang, months.at(-1)?.month ?? ''),
    latest: values.at(-1) ?? 0,
    most,
    mostMonth: formatMonth(lang, mostAt),
  });
  const cell = (m: DashboardTrendMonth, s: TrendCardSpec['series'][number]) =>
    canDrill && s.measure ? (
      <FigureLink view={view} drill={drillOf(s.measure, { month: m.month })} label={t('dash.drill.openIn', { figure: s.name, value: m[s.key], place: formatMonth(lang, m.month) })}>
        {m[s.key]}
      </FigureLink>
    ) : (
      m[s.key]
    );
  return (
    <div className="trend-card" data-testid={`trend-${spec.id}`}>
      <h3 id={`trend-${spec.id}-title`}>{spec.title}</h3>
      <p className="muted small">{spec.note}</p>
      {spec.series.length > 1 && (
        <ul className="plain small" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem', margin: 0 }}>
          {spec.series.map((s) => (
            <li key={s.key} style={{ border: 0, padding: 0, margin: 0 }}>
              <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, marginRight: 4, background: TREND_COLORS[s.key] }} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <TrendChart plot={plot} summary={summary} />
      <details className="dash-table">
        <summary>{t('dash.table')}</summary>
        <div className="table-wrap">
          <Table head={[t('dash.col.month'), ...spec.series.map((s) => s.name)]} rows={months.map((m) => [formatMonth(lang, m.month), ...spec.series.map((s) => cell(m, s))])} />
        </div>
      </details>
    </div>
  );
}

/** The police's headline figures: the twelve months' totals, and the inquiries pending now. */
function PoliceHeadlines({ tr, view, canDrill }: { tr: DashboardTrends; view: DashboardView; canDrill: boolean }) {
  const { t } = useApp();
  const total = (k: TrendKey) => tr.months.reduce((n, m) => n + m[k], 0);
  const produced = total('produced');
  const within = total('producedWithin24Hours');
  const pendingNow = tr.months.at(-1)?.pendingBeyond4Months ?? 0;
  // the cases of the months shown: from the first month's first day to today
  const period: DashboardView = { ...view, from: `${tr.months[0]?.month ?? ''}-01`, to: dayInIndia() };
  const tiles: { label: string; value: string; late?: boolean; drill?: DashboardMeasure }[] = [
    { label: t('dash.kpi.cases'), value: total('registered').toLocaleString('en-IN'), drill: 'registered' },
    { label: t('dash.trend.produced'), value: produced.toLocaleString('en-IN'), drill: 'produced' },
    { label: t('dash.kpi.production'), value: produced === 0 ? '—' : `${Math.round((within / produced) * 1000) / 10}%`, late: within < produced, drill: 'producedAfter24Hours' },
    { label: t('dash.kpi.pending'), value: pendingNow.toLocaleString('en-IN'), late: pendingNow > 0, drill: 'pendingBeyond4Months' },
    { label: t('dash.trend.missing'), value: total('missingReports').toLocaleString('en-IN') },
    { label: t('dash.trend.found'), value: total('foundReports').toLocaleString('en-IN') },
  ];
  return (
    <ul className="kpis" aria-label={t('dash.headlines')}>
      {tiles.map((k) => (
        <li key={k.label} className={k.late ? 'kpi late' : 'kpi'}>
          {k.drill && canDrill ? (
            <FigureLink view={k.drill === 'pendingBeyond4Months' ? view : period} drill={drillOf(k.drill)} className="kpi-value" label={t('dash.drill.open', { figure: k.label, value: k.value })}>
              {k.value}
            </FigureLink>
          ) : (
            <span className="kpi-value">{k.value}</span>
          )}
          <span className="kpi-label">{k.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** The police's dashboard: their station's area (a station's own) or their district, month by month. */
function PoliceDashboard({ view }: { view: DashboardView }) {
  const { t, session, navigate } = useApp();
  const body = session.user.body;
  const station = body?.level === 'THANA' ? (body.thanaCode ?? '') : '';
  const districtWide = !station || view.districtCode !== '';
  const shown: DashboardView = { ...view, stateCode: '', districtCode: districtWide ? (body?.districtCode ?? '') : '', thanaCode: districtWide ? '' : station };
  const empty: DashboardView = { stateCode: '', districtCode: '', thanaCode: '', from: '', to: '', drill: null };
  const choose = (wide: boolean) => navigate(hrefOf(wide ? { ...empty, districtCode: body?.districtCode ?? '' } : empty));
  return (
    <section aria-labelledby="page-title" className="dashboard">
      <PageTitle>{t('dash.police.title')}</PageTitle>
      <p className="muted">{t('dash.police.intro')}</p>
      {station && (
        <div className="row no-print" role="group" aria-label={t('dash.police.level')}>
          <button type="button" aria-pressed={!districtWide} className={districtWide ? '' : 'primary'} onClick={() => choose(false)}>
            {t('dash.police.station')}
          </button>
          <button type="button" aria-pressed={districtWide} className={districtWide ? 'primary' : ''} onClick={() => choose(true)}>
            {t('dash.police.district')}
          </button>
        </div>
      )}
      {station && districtWide && <p className="muted small">{t('dash.police.countsOnly')}</p>}
      <TrendsSection view={shown} police canDrill={!station || !districtWide} />
    </section>
  );
}

/** The cases behind a figure, counted as the figure was: each opens its case. */
function CasesBehind({ view, drill }: { view: DashboardView; drill: Drill }) {
  const { t, tx, api, lang, session } = useApp();
  const body = session.user.body;
  // a station's own area, unless another place is in the address (the API refuses what is not the station's)
  const station = body?.level === 'THANA' && !view.thanaCode && !view.districtCode ? (body.thanaCode ?? '') : view.thanaCode;
  const query = casesQuery({ ...view, thanaCode: station }, drill);
  const loaded = useLoad(() => api.get<DashboardCases>(`/dashboards/cases?${query}`), [query]);
  const when = drill.month
    ? formatMonth(lang, drill.month)
    : view.from || view.to
      ? t('dash.drill.period', { from: view.from ? formatDate(lang, `${view.from}T12:00:00+05:30`) : '…', to: view.to ? formatDate(lang, `${view.to}T12:00:00+05:30`) : t('dash.drill.today') })
      : t('dash.drill.lastYear');
  const filters = [drill.track && tx(`track.${drill.track}`, drill.track), drill.phase && tx(`phase.${drill.phase}`, drill.phase)].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="page-title" className="dashboard">
      <PageTitle>{t(`dash.drill.title.${drill.measure}`)}</PageTitle>
      <p className="no-print">
        <Link to={hrefOf({ ...view, drill: null })}>{t('dash.drill.back')}</Link>
      </p>
      <p className="muted small">{t(`dash.drill.note.${drill.measure}`)}</p>
      <Show loaded={loaded}>
        {(c) => (
          <>
            <p role="status">
              <strong>{t('dash.drill.scope', { place: c.place, when })}</strong>
              {filters && ` · ${filters}`}
              <br />
              {c.total > c.limit ? t('dash.drill.some', { shown: c.cases.length, total: c.total }) : t('dash.drill.count', { count: c.total })}
            </p>
            <div className="table-wrap">
              <Table
                head={[t('dash.col.case'), t('search.track'), t('search.phase'), t('search.district'), t('dash.col.registered'), t('dash.col.produced'), t('dash.col.hoursToProduction')]}
                rows={c.cases.map((r) => [
                  <Link key="case" to={`/cases/${r.id}`}>
                    {r.caseNumber}
                  </Link>,
                  tx(`track.${r.track}`, r.track),
                  tx(`phase.${r.phase}`, r.phase),
                  r.districtName,
                  formatDate(lang, r.registeredAt),
                  formatDate(lang, r.producedAt),
                  r.hoursToProduction === null ? '—' : t('dash.hours', { hours: r.hoursToProduction.toLocaleString('en-IN') }),
                ])}
              />
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
