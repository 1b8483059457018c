// Who a case's notices reached, on the case page: apart from Notifications.tsx, whose settings' checks bring zod,
// which the case page's first paint does without.
import type { DeliveryView } from '@raksha/contracts';
import { formatDateTime } from '../lib/i18n.js';
import { Show } from './bits.js';
import { useApp, useLoad } from './context.js';

/** One delivery in words: how, to whom (masked), what became of it and when. */
export function DeliveryLine({ d }: { d: DeliveryView }) {
  const { t, tx, lang } = useApp();
  const when = d.deliveredAt ?? d.failedAt ?? d.sentAt ?? d.queuedAt;
  return (
    <>
      <div className="row">
        <strong>{t(`notify.channel.${d.channel}`)}</strong>
        <span className={d.status === 'FAILED' ? 'badge overdue' : 'badge'}>{t(`notify.status.${d.status}`)}</span>
      </div>
      <div>
        {t('notify.to', { who: d.recipient, address: d.address })} · {tx(`notice.kind.${d.kind}`, t('notice.kind.other'))}
      </div>
      <div className="muted">{t(`notify.when.${d.status}`, { when: formatDateTime(lang, when) })}</div>
    </>
  );
}

/** "Who was reached, how and when" on a case's page, from GET /cases/:id/deliveries; nothing when none went. */
export function CaseDeliveries({ caseId }: { caseId: string }) {
  const { t, api } = useApp();
  const loaded = useLoad(() => api.get<DeliveryView[]>(`/cases/${caseId}/deliveries`), [caseId]);
  return (
    <Show loaded={loaded}>
      {(list) =>
        list.length === 0 ? null : (
          <section className="card" aria-labelledby="reached-h" data-testid="case-deliveries">
            <h2 id="reached-h">{t('notify.reached')}</h2>
            <ul className="plain">
              {list.map((d) => (
                <li key={d.id}>
                  <DeliveryLine d={d} />
                </li>
              ))}
            </ul>
          </section>
        )
      }
    </Show>
  );
}
