import { useState, type FormEvent } from 'react';
import type { NotificationView } from '@raksha/contracts';
import { formatDateTime } from '../lib/i18n.js';
import { candidateIdIn, codeIn } from '../lib/reports.js';
import { FieldError, Link, PageTitle, Show, Tabs, errorText } from './bits.js';
import { useApp, useLoad } from './context.js';

/** Messages to the user's body and to them: match e-alerts link to the candidate, escalations to the case. */
export function Inbox() {
  const { t, tx, lang, api } = useApp();
  const [unread, setUnread] = useState(false);
  const list = useLoad(() => api.get<NotificationView[]>(`/notifications?limit=100${unread ? '&unread=true' : ''}`), [unread]);
  const [error, setError] = useState<string>();
  async function markRead(id: string) {
    setError(undefined);
    try {
      await api.post(`/notifications/${id}/read`, {});
      list.reload();
    } catch (err) {
      setError(errorText(err, tx));
    }
  }
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('inbox.title')}</PageTitle>
      <Tabs label={t('inbox.filter')} options={[false, true]} value={unread} onChange={setUnread} optionLabel={(only) => t(only ? 'inbox.unread' : 'inbox.all')} />
      <FieldError error={error} />
      <Show loaded={list}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <ol className="plain inbox">
              {items.map((n) => {
                const candidateId = n.kind === 'MATCH_ALERT' ? candidateIdIn(n.body) : undefined;
                return (
                  <li key={n.id} className={n.readAt ? 'read' : 'unread'} data-testid="message">
                    <div className="row">
                      <span className="badge">{tx(`inbox.kind.${n.kind}`, t('notice.generic'))}</span>
                      <time className="muted small" dateTime={n.createdAt}>
                        {formatDateTime(lang, n.createdAt)}
                      </time>
                    </div>
                    {/* in the reader's language from the kind of message; the stored English (written for SMS and email) only for a kind the catalogue lacks */}
                    <strong>{tx(`notice.title.${n.kind}`, n.subject)}</strong>
                    <p className="small">{tx(`notice.body.${n.kind}`, n.body, { code: codeIn(n.body) ?? '' })}</p>
                    <div className="row">
                      {candidateId && <Link to={`/match-candidates/${candidateId}`}>{t('inbox.reviewMatch')}</Link>}
                      {n.caseNumber && (
                        <span className="small" data-testid="case-number">
                          {t('case.number')}: {n.caseNumber}
                        </span>
                      )}
                      {n.caseId && <Link to={`/cases/${n.caseId}`}>{t('esc.openCase')}</Link>}
                      {!n.readAt && (
                        <button type="button" className="link" onClick={() => void markRead(n.id)}>
                          {t('inbox.markRead')}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

/** A citizen verifies a phone number or email before filing: ask for a code, read it in the inbox, confirm. */
export function Verify() {
  const { t, tx, lang, api } = useApp();
  const [channel, setChannel] = useState<'PHONE' | 'EMAIL'>('PHONE');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  const codes = useLoad(async () => (await api.get<NotificationView[]>('/notifications?limit=20')).filter((n) => n.kind === 'CONTACT_CODE'), [sent]);

  async function request(e: FormEvent) {
    e.preventDefault();
    setMsg(undefined);
    if (!address.trim()) return setMsg({ ok: false, text: t('verify.addressNeeded') });
    try {
      await api.post('/me/contact-verifications', { channel, address: address.trim() });
      setSent(true);
      setMsg({ ok: true, text: t('verify.sent') });
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, tx) });
    }
  }
  async function confirm(e: FormEvent) {
    e.preventDefault();
    setMsg(undefined);
    if (!/^\d{6}$/.test(code.trim())) return setMsg({ ok: false, text: t('verify.codeHint') });
    try {
      await api.post('/me/contact-verifications/confirm', { code: code.trim() });
      setMsg({ ok: true, text: t('verify.done') });
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, tx) });
    }
  }

  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('verify.title')}</PageTitle>
      <p className="muted">{t('verify.intro')}</p>
      <form className="card" onSubmit={request} noValidate>
        <fieldset>
          <legend>{t('verify.channel')}</legend>
          {(['PHONE', 'EMAIL'] as const).map((c) => (
            <div key={c} className="check">
              <input type="radio" id={`ch-${c}`} name="channel" checked={channel === c} onChange={() => setChannel(c)} />
              <label htmlFor={`ch-${c}`}>{t(`verify.channel.${c}`)}</label>
            </div>
          ))}
        </fieldset>
        <label htmlFor="v-address">{t(channel === 'PHONE' ? 'verify.phone' : 'verify.email')}</label>
        <input id="v-address" type={channel === 'PHONE' ? 'tel' : 'email'} inputMode={channel === 'PHONE' ? 'tel' : 'email'} value={address} onChange={(e) => setAddress(e.target.value)} />
        <button type="submit">{t('verify.request')}</button>
      </form>
      <section className="card" aria-labelledby="codes-h">
        <h2 id="codes-h">{t('verify.inbox')}</h2>
        <Show loaded={codes}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted">{t('verify.noCode')}</p>
            ) : (
              <ul className="plain">
                {list.slice(0, 3).map((n) => (
                  <li key={n.id} data-testid="code-message">
                    <strong>{n.subject}</strong> <span className="muted small">{formatDateTime(lang, n.createdAt)}</span>
                    {codeIn(n.subject) && (
                      <button type="button" className="link" onClick={() => setCode(codeIn(n.subject)!)}>
                        {t('verify.useCode')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </Show>
        <button type="button" onClick={codes.reload}>
          {t('verify.refresh')}
        </button>
      </section>
      <form className="card" onSubmit={confirm} noValidate>
        <label htmlFor="v-code">{t('verify.code')}</label>
        <input id="v-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="v-code-hint" />
        <p id="v-code-hint" className="muted small">
          {t('verify.codeHint')}
        </p>
        <button type="submit" className="primary">
          {t('verify.confirm')}
        </button>
      </form>
      {msg && (
        <div role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'notice ok' : 'notice error'}>
          <p>{msg.text}</p>
          {msg.ok && msg.text === t('verify.done') && <Link to="/reports">{t('verify.next')}</Link>}
        </div>
      )}
    </section>
  );
}
