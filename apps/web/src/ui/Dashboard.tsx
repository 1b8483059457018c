import { useState, type FormEvent, type ReactNode } from 'react';
import type { DashboardArea, DashboardOverview, DashboardSection } from '@raksha/contracts';
import { dashboardQuery, type DashboardScope } from '../lib/dashboard.js';
import { formatDate } from '../lib/i18n.js';
import { Choose, ColumnHeads, PageTitle, Show, errorText } from './bits.js';
import { useApp, useLoad } from './context.js';
import { FunctioningSection } from './Functioning.js';
import { PlacePicker, useStateName } from './PlacePicker.js';

const EMPTY: DashboardScope = { stateCode: '', districtCode: '', from: '', to: '' };
const AREA_ORDERS = ['name', 'productionShare', 'pending', 'escalationsOpen', 'cases'] as const;
type AreaOrder = (typeof AREA_ORDERS)[number];

/** The MIS dashboard a state monitor audits with: the place's figures, charts first, the table behind each, a CSV of each. */
export function Dashboard() {
  const { t, api, session } = useApp();
  const own = session.user.body;
  const [scope, setScope] = useState<DashboardScope>(EMPTY);
  const [draft, setDraft] = useState<DashboardScope>(EMPTY);
  const overview = useLoad(() => api.get<DashboardOverview>(`/dashboards/overview?${dashboardQuery(scope)}`), [scope]);

  const go = (next: DashboardScope) => {
    setDraft(next);
    setScope(next);
  };
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
            <Headlines o={o} />
            <AreasSection o={o} onOpen={(code) => go(o.areaLevel === 'STATE' ? { ...scope, stateCode: code, districtCode: '' } : { ...scope, districtCode: code })} scope={scope} />
            <CasesSection o={o} scope={scope} />
            <TimelinessSection o={o} scope={scope} />
            <EscalationsSection o={o} scope={scope} />
            <MissingSection o={o} scope={scope} />
            <OccupancySection o={o} scope={scope} />
            <RestorationsSection o={o} scope={scope} />
            {o.scope.stateCode && <FunctioningSection stateCode={o.scope.stateCode} districtCode={o.scope.districtCode ?? ''} />}
            <p className="no-print">
              <CsvButton scope={scope} label={t('dash.csvAll')} />
            </p>
          </>
        )}
      </Show>
    </section>
  );
}

function ScopeLine({ o, scope, go, canWiden }: { o: DashboardOverview; scope: DashboardScope; go(s: DashboardScope): void; canWiden(level: 'STATE' | 'NATIONAL'): boolean }) {
  const { t, lang } = useApp();
  const place = o.scope.districtCode ? `${o.scope.name} (${o.scope.districtCode})` : o.scope.stateCode ? o.scope.name : t('dash.india');
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

function Headlines({ o }: { o: DashboardOverview }) {
  const { t } = useApp();
  const count = (n: number) => n.toLocaleString('en-IN');
  const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
  const cases = o.casesByTrackAndPhase.reduce((s, r) => s + r.cases, 0);
  const pending = o.pendingBeyond4Months.reduce((s, r) => s + r.cases, 0);
  const openEscalations = o.escalations.filter((e) => e.status !== 'RESOLVED').reduce((s, e) => s + e.escalations, 0);
  const missingOpen = o.missingReports.byStatus.filter((r) => r.status === 'OPEN' || r.status === 'PENDING_ACCEPTANCE').reduce((s, r) => s + r.reports, 0);
  const tiles: { label: string; value: string; late?: boolean }[] = [
    { label: t('dash.kpi.cases'), value: count(cases) },
    { label: t('dash.kpi.pending'), value: count(pending), late: pending > 0 },
    { label: t('dash.kpi.production'), value: pct(o.production.sharePercent), late: o.production.sharePercent !== null && o.production.sharePercent < 100 },
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
          <span className="kpi-value">{k.value}</span>
          <span className="kpi-label">{k.label}</span>
        </li>
      ))}
    </ul>
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

function CsvButton({ scope, section, label, describedBy }: { scope: DashboardScope; section?: DashboardSection; label: string; describedBy?: string }) {
  const { tx, api, online } = useApp();
  const [error, setError] = useState<string>();
  async function download() {
    setError(undefined);
    try {
      const { blob, filename } = await api.file(`/dashboards/overview?${dashboardQuery(scope, section ?? 'all')}`);
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

function AreasSection({ o, scope, onOpen }: { o: DashboardOverview; scope: DashboardScope; onOpen(code: string): void }) {
  const { t } = useApp();
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
          rows={sorted.map((a) => [name(a), a.casesRegistered, a.pendingBeyond4Months, a.produced, a.producedWithin24Hours, a.sirsSubmitted, a.sirsOnTime, a.escalationsOpen, a.missingReports, a.missingTraced, a.childrenInCare, a.sanctionedPlaces, a.restored])}
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

function CasesSection({ o, scope }: { o: DashboardOverview; scope: DashboardScope }) {
  const { t, tx } = useApp();
  const byPhase = new Map<string, number>();
  for (const r of o.casesByTrackAndPhase) byPhase.set(r.phase, (byPhase.get(r.phase) ?? 0) + r.cases);
  return (
    <Section
      id="dash-cases"
      title={t('dash.cases.title')}
      scope={scope}
      section="cases"
      table={<Table head={[t('search.track'), t('search.phase'), t('dash.kpi.cases')]} rows={o.casesByTrackAndPhase.map((r) => [tx(`track.${r.track}`, r.track), tx(`phase.${r.phase}`, r.phase), r.cases])} />}
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
          rows={o.occupancy.institutions.map((i) => [i.name, i.districtCode, i.occupied, i.sanctioned])}
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
