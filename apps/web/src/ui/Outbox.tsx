import type { CaseView } from '@raksha/contracts';
import { humanize } from '../lib/i18n.js';
import type { OutboxItem, OutboxKind, SentItem } from '../lib/outbox.js';
import { issueText, Link, PageTitle, problemText } from './bits.js';
import { useApp, useLoad, useOutboxItems, useSentItems } from './context.js';

/** What an item is, for the person: "Case action: Produced before the CWC", "Found child report: Sunita". */
function useItemTitle() {
  const { t, tx } = useApp();
  return (i: Pick<OutboxItem, 'kind' | 'type' | 'label'>) => {
    const kind: OutboxKind = i.kind ?? 'event';
    const name = i.label ?? t('outbox.unnamed');
    if (kind === 'event') return t('outbox.kind.event', { action: tx(`event.${i.type}`, humanize(i.type ?? '')), name });
    return t(`outbox.kind.${kind}`, { name });
  };
}

/** A 409: the case moved on while the phone was offline. Per field, what the phone had and what the server has now. */
function Conflict({ item }: { item: OutboxItem }) {
  const { t, tx, api, online } = useApp();
  const now = useLoad(() => (item.caseId && online ? api.get<CaseView>(`/cases/${item.caseId}`) : Promise.resolve(null)), [item.caseId, online]);
  const stage = (s: string | undefined) => (s ? tx(`state.${s}`, humanize(s)) : t('outbox.unknown'));
  const rows: { field: string; device: string; server: string }[] = [
    { field: t('outbox.field.stage'), device: stage(item.seenState), server: now.data ? stage(now.data.state) : t('outbox.unknown') },
  ];
  if (item.problem?.allowedEvents) {
    rows.push({
      field: t('outbox.field.action'),
      device: tx(`event.${item.type}`, humanize(item.type ?? '')),
      server: item.problem.allowedEvents.map((e) => tx(`event.${e}`, humanize(e))).join(', ') || t('outbox.none'),
    });
  }
  return (
    <table className="conflict">
      <caption>{t('outbox.conflictCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outbox.field')}</th>
          <th scope="col">{t('outbox.onDevice')}</th>
          <th scope="col">{t('outbox.onServer')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <th scope="row">{r.field}</th>
            <td>{r.device}</td>
            <td>{r.server}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One item waiting on the device: waiting for a connection, or needing the person's attention (and why). */
export function OutboxItemView({ item, titled = true }: { item: OutboxItem; titled?: boolean }) {
  const { t, tx, outbox } = useApp();
  const title = useItemTitle();
  const waiting = item.status === 'pending';
  // "Waiting for a connection" only once the item is kept on the device: until then a closed page would lose it
  const keeping = outbox.keeping(item.id);
  const state = !waiting ? 'outbox.state.attention' : keeping === 'kept' ? 'outbox.state.waiting' : keeping === 'saving' ? 'outbox.state.saving' : 'outbox.state.notKept';
  return (
    <div className={`outbox-item ${item.status}`} role={waiting ? 'status' : 'alert'} data-testid="outbox-item" data-state={waiting ? 'waiting' : 'attention'}>
      {titled && <strong>{title(item)}</strong>} <span className="badge">{t(state)}</span>
      {!waiting && item.problem && (
        <>
          <p>{problemText(item.problem, tx)}</p>
          {item.problem.errors && (
            <ul>
              {item.problem.errors.map((er) => (
                <li key={er.field}>{issueText(er, tx)}</li>
              ))}
            </ul>
          )}
          {item.status === 'conflict' && <Conflict item={item} />}
          <button type="button" onClick={() => outbox.discard(item.id)}>
            {t('common.discard')}
          </button>
        </>
      )}
    </div>
  );
}

function SentItemView({ item }: { item: SentItem }) {
  const { t } = useApp();
  const title = useItemTitle();
  return (
    <div className="outbox-item sent" data-testid="outbox-sent" data-state="sent">
      <strong>{item.path ? <Link to={item.path}>{title(item)}</Link> : title(item)}</strong> <span className="badge ok">{t('outbox.state.sent')}</span>
    </div>
  );
}

/** "On this phone": everything recorded here that waits to be sent, what needs attention, and what was sent. */
export function OutboxPage() {
  const { t, online, flush } = useApp();
  const items = useOutboxItems();
  const sent = useSentItems();
  const pending = items.filter((i) => i.status === 'pending').length;
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p className="muted">{t('outbox.intro')}</p>
      {items.length === 0 && sent.length === 0 && <p>{t('outbox.empty')}</p>}
      {pending > 0 && online && (
        <button type="button" className="primary" onClick={() => void flush()}>
          {t('net.sendNow')}
        </button>
      )}
      <div className="card">
        {items.map((i) => (
          <OutboxItemView key={i.id} item={i} />
        ))}
        {sent.map((i) => (
          <SentItemView key={i.id} item={i} />
        ))}
      </div>
    </section>
  );
}
