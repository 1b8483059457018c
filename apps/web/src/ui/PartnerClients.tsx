import { useState, type FormEvent } from 'react';
import type { PartnerClientSecretView, PartnerClientView } from '@raksha/contracts';
import { PARTNER_KIND_RULES, PARTNER_KINDS, type PartnerKind, type PartnerScope } from '@raksha/domain';
import { humanize } from '../lib/i18n.js';
import { ApiError, problemOf } from '../lib/api.js';
import { FieldError, Show, useSubmit } from './bits.js';
import { useApp, useLoad } from './context.js';
import { PlacePicker, type Place } from './PlacePicker.js';

async function ok<T>(res: { status: number; body: unknown }): Promise<T> {
  if (res.status >= 300) throw new ApiError(res.status, problemOf(res));
  return res.body as T;
}

const scopeKey = (scope: string) => `partnerScope.${scope.replace(':', '_')}`;

/** An administrator's partner systems (OAuth clients of the partner API): register, new secret, revoke. */
export function PartnerClients() {
  const { t, tx, api } = useApp();
  const [version, setVersion] = useState(0);
  const [secret, setSecret] = useState<PartnerClientSecretView>();
  const clients = useLoad(() => api.get<PartnerClientView[]>('/partner-clients'), [version]);
  const act = useSubmit();
  const changed = (shown?: PartnerClientSecretView) => {
    setSecret(shown);
    setVersion((v) => v + 1);
  };
  const rotate = (c: PartnerClientView) => act.run(async () => changed(await ok<PartnerClientSecretView>(await api.raw('POST', `/partner-clients/${c.clientId}/rotate-secret`, {}))));
  const revoke = (c: PartnerClientView) =>
    act.run(async () => {
      await ok<PartnerClientView>(await api.raw('POST', `/partner-clients/${c.clientId}/revoke`, {}));
      changed();
    });

  return (
    <section className="card" aria-labelledby="partners-h">
      <h2 id="partners-h">{t('partners.title')}</h2>
      <p className="muted">{t('partners.intro')}</p>
      {secret && (
        <div role="status" className="card" data-testid="partner-secret">
          <p>
            <strong>{t('partners.secretOnce', { name: secret.name })}</strong>
          </p>
          <p>
            {t('partners.clientId')}: <code>{secret.clientId}</code>
          </p>
          <p>
            {t('partners.clientSecret')}: <code>{secret.clientSecret}</code>
          </p>
        </div>
      )}
      <Show loaded={clients}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('partners.none')}</p>
          ) : (
            <ul className="plain" data-testid="partner-clients">
              {list.map((c) => (
                <li key={c.clientId}>
                  <strong>{c.name}</strong> · {tx(`partnerKind.${c.kind}`, humanize(c.kind))} · {c.scopes.map((s) => tx(scopeKey(s), s)).join(', ')} ·{' '}
                  {c.revokedAt ? t('partners.revoked') : t('partners.active')}{' '}
                  {!c.revokedAt && (
                    <>
                      <button type="button" disabled={act.busy} onClick={() => void rotate(c)}>
                        {t('partners.rotate')}
                      </button>{' '}
                      <button type="button" disabled={act.busy} onClick={() => void revoke(c)}>
                        {t('partners.revoke')}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <FieldError error={act.error} />
      <NewPartner onRegistered={(shown) => changed(shown)} />
    </section>
  );
}

function NewPartner({ onRegistered }: { onRegistered(shown: PartnerClientSecretView): void }) {
  const { t, tx, api, session } = useApp();
  const mine = session.user.body;
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PartnerKind | ''>('');
  const [scopes, setScopes] = useState<PartnerScope[]>([]);
  const [place, setPlace] = useState<Place>({ stateCode: mine?.stateCode ?? '', districtCode: mine?.districtCode ?? '' });
  const { error, busy, run } = useSubmit();
  const grantable = kind ? PARTNER_KIND_RULES[kind].grantable : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const body = {
        name: name.trim(),
        kind,
        scopes,
        ...(mine?.level !== 'DISTRICT' && place.districtCode && { districtCode: place.districtCode }),
        ...(mine?.level === 'NATIONAL' && !place.districtCode && place.stateCode && { stateCode: place.stateCode }),
      };
      onRegistered(await ok<PartnerClientSecretView>(await api.raw('POST', '/partner-clients', body)));
      setName('');
      setScopes([]);
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-partner-h">
      <h3 id="new-partner-h">{t('partners.register')}</h3>
      <label htmlFor="np-name">{t('partners.name')}</label>
      <input id="np-name" required value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="np-kind">{t('partners.kind')}</label>
      <select
        id="np-kind"
        required
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as PartnerKind);
          setScopes([]);
        }}
      >
        <option value="">{t('form.choose')}</option>
        {PARTNER_KINDS.map((k) => (
          <option key={k} value={k}>
            {tx(`partnerKind.${k}`, humanize(k))}
          </option>
        ))}
      </select>
      {grantable.length > 0 && (
        <fieldset>
          <legend>{t('partners.scopes')}</legend>
          {grantable.map((s) => (
            <div key={s} className="check">
              <input id={`np-${s}`} type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? grantable.filter((x) => x === s || scopes.includes(x)) : scopes.filter((x) => x !== s))} />
              <label htmlFor={`np-${s}`}>{tx(scopeKey(s), s)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {mine && mine.level !== 'DISTRICT' && (
        <>
          <p className="muted small">{t('partners.placeHint')}</p>
          <PlacePicker idPrefix="np" value={place} onChange={setPlace} fixedStateCode={mine.level === 'STATE' ? mine.stateCode : undefined} />
        </>
      )}
      <FieldError error={error} />
      <button type="submit" className="primary" disabled={busy || !kind || scopes.length === 0}>
        {t('partners.register')}
      </button>
    </form>
  );
}
