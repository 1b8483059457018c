import { useState } from 'react';
import { ESCALATION_STATUSES, type EscalationStatus, type EscalationView } from '@raksha/contracts';
import { formatDateTime } from '../lib/i18n.js';
import { FieldError, Link, PageTitle, Show, Tabs, useSubmit, WithOwnWords } from './bits.js';
import { LawNote, useObligation } from './Law.js';
import { useApp, useLoad } from './context.js';
import { PlaceWords } from './PlacePicker.js';


export function Escalations() {
  const { t, api } = useApp();
  const [status, setStatus] = useState<EscalationStatus>('OPEN');
  const list = useLoad(() => api.get<EscalationView[]>(`/escalations?status=${status}`), [status]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('esc.title')}</PageTitle>
      <p className="muted">{t('esc.intro')}</p>
      <Tabs label={t('esc.filter')} options={ESCALATION_STATUSES} value={status} onChange={setStatus} optionLabel={(s) => t(`esc.status.${s}`)} />
      <Show loaded={list}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('esc.empty')}</p>
          ) : (
            <ol className="list">
              {items.map((e) => (
                <EscalationCard key={e.id} e={e} onChange={list.reload} />
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

function EscalationCard({ e, onChange }: { e: EscalationView; onChange(): void }) {
  const { t, tx, lang, api, online } = useApp();
  const obligation = useObligation();
  const [note, setNote] = useState('');
  const { error, setError, busy, run } = useSubmit();
  const [done, setDone] = useState<string>();
  const noteId = `note-${e.id}`;

  async function act(action: 'acknowledge' | 'resolve') {
    if (!online) return setError(t('esc.needsConnection'));
    if (action === 'resolve' && note.trim().length < 5) return setError(t('esc.noteHint'));
    await run(async () => {
      const idempotencyKey = `${action}-${e.id}`;
      await api.post(`/escalations/${e.id}/${action}`, action === 'resolve' ? { note: note.trim(), idempotencyKey } : { idempotencyKey });
      setDone(t(action === 'resolve' ? 'esc.done.resolve' : 'esc.done.ack'));
      onChange();
    });
  }

  return (
    <li className={e.status === 'RESOLVED' ? 'card' : 'card is-overdue'} data-testid="escalation">
      <div className="row">
        <strong>{obligation(e.deadlineId, e.obligation)}</strong>
        <span className="badge">{t(`esc.status.${e.status}`)}</span>
      </div>
      <div className="muted">
        {t('esc.rung', { body: tx(`body.${e.toBody}`, e.toBody) })} · <PlaceWords districtCode={e.districtCode} />
      </div>
      <LawNote id={e.deadlineId} fallback={e.citation} />
      <div>
        {t('esc.dueWas', { when: formatDateTime(lang, e.dueAt) })} · <strong className="overdue">{t('common.overdueBy', { hours: Math.round(e.overdueHours) })}</strong>
      </div>
      {e.metAt && <div>{t('esc.met', { when: formatDateTime(lang, e.metAt) })}</div>}
      {e.resolutionNote && (
        <div>
          <WithOwnWords message={(note) => t('esc.resolvedNote', { note })} words={e.resolutionNote} />
        </div>
      )}
      {e.caseId ? (
        <div>
          {e.caseNumber && <span className="case-number" data-testid="case-number">{e.caseNumber} · </span>}
          <Link to={`/cases/${e.caseId}`}>{t('esc.openCase')}</Link>
        </div>
      ) : e.deadlineId === 'helpline.response' ? (
        <Link to="/interventions">{t('esc.intervention')}</Link>
      ) : (
        <span>{t('esc.institution', { id: e.bodyId ?? '' })}</span>
      )}
      {e.status !== 'RESOLVED' && (
        <div className="esc-actions">
          {e.status === 'OPEN' && (
            <button type="button" disabled={busy} onClick={() => void act('acknowledge')}>
              {t('esc.acknowledge')}
            </button>
          )}
          <label htmlFor={noteId}>{t('esc.note')}</label>
          <textarea id={noteId} rows={2} value={note} onChange={(ev) => setNote(ev.target.value)} aria-describedby={`${noteId}-hint`} />
          <p id={`${noteId}-hint`} className="muted small">
            {t('esc.noteHint')}
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void act('resolve')}>
            {t('esc.resolve')}
          </button>
        </div>
      )}
      <FieldError error={error} />
      {done && <p role="status">{done}</p>}
    </li>
  );
}
