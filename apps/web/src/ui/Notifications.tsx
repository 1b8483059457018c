// Reaching people beyond the inbox, as they see it: their own notification settings, who a case's notices reached,
// and (SCPS officers) the deliveries that failed, to retry.
import { useState } from 'react';
import { DELIVERY_STATUSES, type DeliveryView } from '@raksha/contracts';
import { CHOOSABLE_NOTICE_KINDS } from '@raksha/domain';
import { LANG_NAMES } from '../lib/i18n.js';
import { FieldError, PageTitle, Show, Tabs, useSubmit } from './bits.js';
import { useApp, useLoad } from './context.js';
import { DeliveryLine } from './Deliveries.js';

type Channel = 'EMAIL' | 'SMS';
interface Settings {
  language: 'en' | 'hi';
  choices: Record<string, Channel[]>;
  digest: boolean;
  email: string | null;
  phone: string | null;
}
const CHANNELS: readonly Channel[] = ['EMAIL', 'SMS'];
const NOTICE_LANGUAGES = ['en', 'hi'] as const;

/** The signed-in person's language for email and SMS, the channels of each kind of notice, and the daily digest. */
export function NotificationSettingsPage() {
  const { t, api } = useApp();
  const loaded = useLoad(() => api.get<Settings>('/me/notification-settings'), []);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('notify.title')}</PageTitle>
      <p className="muted">{t('notify.intro')}</p>
      <Show loaded={loaded}>{(s) => <SettingsForm initial={s} />}</Show>
    </section>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t, tx, api } = useApp();
  const [s, setSettings] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { error, busy, run } = useSubmit();
  // a change not yet saved: "Saved." no longer holds
  const setS = (next: Settings) => {
    setSettings(next);
    setSaved(false);
  };
  const has = (kind: string, c: Channel) => (s.choices[kind] ?? []).includes(c);
  const toggle = (kind: string, c: Channel) => {
    const now = s.choices[kind] ?? [];
    const next = now.includes(c) ? now.filter((x) => x !== c) : [...now, c];
    setS({ ...s, choices: { ...s.choices, [kind]: next } });
  };
  const save = () =>
    run(async () => {
      const choices = Object.fromEntries(Object.entries(s.choices).filter(([, cs]) => cs.length > 0));
      setSettings(await api.put<Settings>('/me/notification-settings', { language: s.language, choices, digest: s.digest }));
      setSaved(true);
    });
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('notify.addresses')}</h2>
      <p data-testid="notify-email">{s.email ? t('notify.emailIs', { address: s.email }) : t('notify.noEmail')}</p>
      <p data-testid="notify-phone">{s.phone ? t('notify.phoneIs', { address: s.phone }) : t('notify.noPhone')}</p>
      <label htmlFor="notify-language">{t('notify.language')}</label>
      <select id="notify-language" value={s.language} onChange={(e) => setS({ ...s, language: e.target.value as Settings['language'] })}>
        {NOTICE_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>

      <h2>{t('notify.kinds')}</h2>
      <table className="notify-choices">
        <thead>
          <tr>
            <th scope="col">{t('notify.kind')}</th>
            {CHANNELS.map((c) => (
              <th key={c} scope="col">
                {t(`notify.channel.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr data-testid="notify-escalations">
            <th scope="row">
              {t('notify.escalations')}
              <div className="muted small">{t('notify.escalationsFixed')}</div>
            </th>
            {CHANNELS.map((c) => (
              <td key={c}>
                <input type="checkbox" checked disabled aria-label={`${t('notify.escalations')} — ${t(`notify.channel.${c}`)}`} />
              </td>
            ))}
          </tr>
          {CHOOSABLE_NOTICE_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{tx(`notice.kind.${kind}`, kind)}</th>
              {CHANNELS.map((c) => (
                <td key={c}>
                  <input type="checkbox" checked={has(kind, c)} onChange={() => toggle(kind, c)} aria-label={`${tx(`notice.kind.${kind}`, kind)} — ${t(`notify.channel.${c}`)}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('notify.inAppAlways')}</p>

      <h2>{t('notify.digest')}</h2>
      <label className="check">
        <input type="checkbox" checked={s.digest} onChange={(e) => setS({ ...s, digest: e.target.checked })} /> {t('notify.digestOn')}
      </label>
      <p className="muted small">{t('notify.digestHint')}</p>

      <button type="submit" className="primary" disabled={busy}>
        {t('notify.save')}
      </button>
      <FieldError error={error} />
      {saved && <p role="status">{t('notify.saved')}</p>}
    </form>
  );
}

const ADMIN_STATUSES = ['FAILED', ...DELIVERY_STATUSES.filter((s) => s !== 'FAILED')] as const;

/** An SCPS officer's deliveries of their state, failed ones (dead-lettered webhooks among them) first, with Retry. */
export function DeliveriesAdmin() {
  const { t, api } = useApp();
  const [status, setStatus] = useState<(typeof ADMIN_STATUSES)[number]>('FAILED');
  const list = useLoad(() => api.get<DeliveryView[]>(`/deliveries?status=${status}`), [status]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('notify.admin.title')}</PageTitle>
      <p className="muted">{t('notify.admin.intro')}</p>
      <Tabs label={t('notify.admin.filter')} options={ADMIN_STATUSES} value={status} onChange={setStatus} optionLabel={(s) => t(`notify.status.${s}`)} />
      <Show loaded={list}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('notify.admin.empty')}</p>
          ) : (
            <ol className="list">
              {items.map((d) => (
                <AdminDelivery key={d.id} initial={d} />
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

/** One delivery; sent again, it stays in view with its new status until the list is shown anew. */
function AdminDelivery({ initial }: { initial: DeliveryView }) {
  const { t, api } = useApp();
  const { error, busy, run } = useSubmit();
  const [d, setD] = useState(initial);
  const [done, setDone] = useState(false);
  const retry = () =>
    run(async () => {
      setD(await api.post<DeliveryView>(`/deliveries/${d.id}/retry`, {}));
      setDone(true);
    });
  return (
    <li className={d.status === 'FAILED' ? 'card is-overdue' : 'card'} data-testid="delivery">
      <DeliveryLine d={d} />
      {d.status === 'FAILED' && d.channel === 'WEBHOOK' && <div>{t('notify.admin.deadLetter', { attempts: d.attempts })}</div>}
      {d.status === 'FAILED' && d.reason && <div>{t('notify.admin.why', { reason: d.reason })}</div>}
      {d.status === 'FAILED' && (
        <button type="button" className="primary" disabled={busy} onClick={() => void retry()}>
          {t('notify.admin.retry')}
        </button>
      )}
      <FieldError error={error} />
      {done && <p role="status">{t('notify.admin.retried')}</p>}
    </li>
  );
}
