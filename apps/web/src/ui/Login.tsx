import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, type Api } from '../lib/api.js';
import type { Lang } from '../lib/i18n.js';
import { SignInCard } from './AccountLinks.js';
import { errorText, FieldError, useSubmit } from './bits.js';
import { makeT } from './context.js';

export function Login({ api, lang, setLang, online }: { api: Api; lang: Lang; setLang(l: Lang): void; online: boolean }) {
  const { t, tx } = useMemo(() => makeT(lang), [lang]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { error, setError, busy, run } = useSubmit((err) =>
    err instanceof ApiError && err.status === 429
      ? t('login.locked', { minutes: minutesToWait(err) })
      : err instanceof ApiError && err.status === 401
        ? t('login.failed')
        : errorText(err, tx),
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!navigator.onLine) return setError(t('login.offline'));
    await run(() => api.login(username, password));
  }

  return (
    <SignInCard lang={lang} setLang={setLang} lead={t('app.tagline')} title={t('login.title')}>
      {!online && <p className="notice offline">{t('login.offline')}</p>}
      <form onSubmit={submit} noValidate>
        <label htmlFor="username">{t('login.username')}</label>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <FieldError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        <a href="#forgot-password">{t('account.forgot')}</a>
      </p>
    </SignInCard>
  );
}

/** Whole minutes until this device may try again (the API's Retry-After), at least one. */
function minutesToWait(err: ApiError): number {
  const seconds = Number((err.problem as { retryAfter?: unknown }).retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
}
