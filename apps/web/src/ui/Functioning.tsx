import type { BodyFunctioning, FunctioningView } from '@raksha/contracts';
import { formatDate } from '../lib/i18n.js';
import { Show } from './bits.js';
import { useApp, useLoad } from './context.js';

const noonIst = (day: string) => `${day}T12:00:00+05:30`;

/** Which CWCs and JJBs of the place are functioning this month: sittings (s.28(1)), visits (s.30(viii)), returns, missed duties. */
export function FunctioningSection({ stateCode, districtCode }: { stateCode: string; districtCode: string }) {
  const { t, api } = useApp();
  const query = new URLSearchParams({ ...(stateCode && { stateCode }), ...(districtCode && { districtCode }) }).toString();
  const loaded = useLoad(() => api.get<FunctioningView>(`/dashboards/functioning?${query}`), [query]);
  return (
    <section aria-labelledby="functioning-title">
      <h2 id="functioning-title">{t('func.title')}</h2>
      <p className="muted">{t('func.intro')}</p>
      <Show loaded={loaded}>
        {(v) =>
          v.bodies.length === 0 ? (
            <p>{t('func.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('func.body')}</th>
                    <th scope="col">{t('func.status')}</th>
                    <th scope="col">{t('func.sittings')}</th>
                    <th scope="col">{t('func.pending')}</th>
                    <th scope="col">{t('func.visits')}</th>
                    <th scope="col">{t('func.return')}</th>
                    <th scope="col">{t('func.escalations')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.bodies.map((b) => (
                    <Row key={b.bodyId} b={b} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
    </section>
  );
}

function Row({ b }: { b: BodyFunctioning }) {
  const { t, lang } = useApp();
  const sittings = b.required === null ? t('func.sat', { held: b.sittings }) : t('func.satOf', { held: b.sittings, required: b.required });
  return (
    <tr data-testid="functioning-row" className={b.status === 'FUNCTIONING' ? undefined : 'late'}>
      <th scope="row">
        {b.name}
        <br />
        <span className="muted small">{t(b.type === 'CWC' ? 'func.kind.CWC' : 'func.kind.JJB')}</span>
      </th>
      <td>{t(`func.status.${b.status}`)}</td>
      <td>
        {sittings}
        {b.sittingsOnTrack === false && <div className="small">{t('func.offTrack')}</div>}
        <div className="muted small">{t('func.lastSat', { date: b.lastSatOn ? formatDate(lang, noonIst(b.lastSatOn)) : t('func.never') })}</div>
      </td>
      <td>{b.pendingCases.toLocaleString('en-IN')}</td>
      <td>
        {b.ccisUnderVisited === null
          ? '—'
          : b.ccisUnderVisited.length === 0
            ? t('func.visitsMet')
            : b.ccisUnderVisited.map((c) => (
                <div key={c.cciId}>{t('func.visitedTimes', { name: c.name, visits: c.visits, date: c.lastVisitedOn ? formatDate(lang, noonIst(c.lastVisitedOn)) : t('func.never') })}</div>
              ))}
      </td>
      <td>{t(b.lastReturnDue.filed ? 'func.returnFiled' : 'func.returnMissing', { date: formatDate(lang, noonIst(b.lastReturnDue.dueOn)) })}</td>
      <td>{b.openEscalations.toLocaleString('en-IN')}</td>
    </tr>
  );
}
