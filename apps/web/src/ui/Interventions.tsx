import { useState } from 'react';
import { INTERVENTION_CLOSE_REASONS, INTERVENTION_STATUSES, type InterventionCloseReason, type InterventionStatus } from '@raksha/case-machine';
import type { InterventionDetailView, InterventionView } from '@raksha/contracts';
import { formatDateTime } from '../lib/i18n.js';
import { Choose, FieldError, Link, PageTitle, Show, Tabs, useSubmit } from './bits.js';
import { useApp, useLoad } from './context.js';

/** The CHILDLINE unit's and DCPU's helpline calls: the children to reach, and what became of each. */
export function Interventions() {
  const { t, api } = useApp();
  const [status, setStatus] = useState<InterventionStatus>('OPEN');
  const list = useLoad(() => api.get<InterventionView[]>(`/interventions?status=${status}`), [status]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('iv.title')}</PageTitle>
      <p className="muted">{t('iv.intro')}</p>
      <Tabs label={t('iv.filter')} options={INTERVENTION_STATUSES} value={status} onChange={setStatus} optionLabel={(s) => t(`iv.status.${s}`)} />
      <Show loaded={list}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('iv.empty')}</p>
          ) : (
            <ol className="list">
              {items.map((i) => (
                <InterventionCard key={i.id} i={i} onChange={list.reload} />
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

function InterventionCard({ i, onChange }: { i: InterventionView; onChange(): void }) {
  const { t, tx, lang, api, online } = useApp();
  const { error, setError, busy, run } = useSubmit();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string>();
  const [rescued, setRescued] = useState({ caseId: i.caseId, caseNumber: i.caseNumber });
  const under = i.status === 'OPEN' || i.status === 'REACHED';

  async function act(action: 'reached' | 'rescued' | 'closed') {
    if (!online) return setError(t('iv.needsConnection'));
    if (action === 'closed' && !reason) return setError(t('iv.reason'));
    await run(async () => {
      const body = action === 'closed' ? { reason, ...(note.trim() && { note: note.trim() }) } : {};
      const answer = await api.post<InterventionDetailView>(`/interventions/${i.id}/${action}`, body, { 'Idempotency-Key': `${action}-${i.id}` });
      setRescued({ caseId: answer.caseId, caseNumber: answer.caseNumber });
      setDone(t('iv.done'));
      onChange();
    });
  }

  return (
    <li className={i.overdue ? 'card is-overdue' : 'card'} data-testid="intervention">
      <div className="row">
        <strong>{tx(`option.${i.distress}`, i.distress)}</strong>
        <span className="badge">{t(`iv.status.${i.status}`)}</span>
      </div>
      <div className="muted">{t('iv.from', { helpline: i.helpline, count: i.calls, when: formatDateTime(lang, i.firstCalledAt) })}</div>
      <div>{t('iv.place', { place: i.placeText ?? i.districtCode })}</div>
      <div>{t('iv.said', { words: i.childDescription })}</div>
      {i.status === 'OPEN' && <div className={i.overdue ? 'overdue' : ''}>{i.overdue ? t('iv.late') : t('iv.respondBy', { when: formatDateTime(lang, i.respondBy) })}</div>}
      {i.reachedAt && <div>{t('iv.reachedAt', { when: formatDateTime(lang, i.reachedAt) })}</div>}
      {i.closeReason && <div>{t('iv.closedWith', { reason: t(`iv.reason.${i.closeReason}`) })}</div>}
      {rescued.caseId && (
        <div>
          {rescued.caseNumber && <span className="case-number" data-testid="case-number">{rescued.caseNumber} · </span>}
          <Link to={`/cases/${rescued.caseId}`}>{t('iv.openCase')}</Link>
        </div>
      )}
      {under && (
        <div className="esc-actions">
          {i.status === 'OPEN' && (
            <button type="button" disabled={busy} onClick={() => void act('reached')}>
              {t('iv.reached')}
            </button>
          )}
          <button type="button" className="primary" disabled={busy} onClick={() => void act('rescued')} aria-describedby={`rescue-${i.id}`}>
            {t('iv.rescued')}
          </button>
          <p id={`rescue-${i.id}`} className="muted small">
            {t('iv.rescuedHint')}
          </p>
          <label htmlFor={`reason-${i.id}`}>{t('iv.reason')}</label>
          <Choose<InterventionCloseReason> id={`reason-${i.id}`} value={reason} options={INTERVENTION_CLOSE_REASONS} label={(r) => t(`iv.reason.${r}`)} none="—" onChange={setReason} />
          <label htmlFor={`note-${i.id}`}>{t('iv.note')}</label>
          <textarea id={`note-${i.id}`} rows={2} value={note} onChange={(ev) => setNote(ev.target.value)} />
          <button type="button" disabled={busy} onClick={() => void act('closed')}>
            {t('iv.close')}
          </button>
        </div>
      )}
      <FieldError error={error} />
      {done && <p role="status">{done}</p>}
    </li>
  );
}
