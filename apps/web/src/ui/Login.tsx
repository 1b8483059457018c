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
  /** the password step's challenge, while the second step (a code) is asked for */
  const [challenge, setChallenge] = useState<string>();
  const [expired, setExpired] = useState(false);
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
    setExpired(false);
    await run(async () => {
      const answer = await api.login(username, password);
      if ('challenge' in answer) setChallenge(answer.challenge);
    });
  }

  if (challenge) {
    const restart = () => {
      setChallenge(undefined);
      setPassword('');
      setExpired(true);
    };
    return <SecondStep api={api} lang={lang} setLang={setLang} challenge={challenge} restart={restart} />;
  }
  return (
    <SignInCard lang={lang} setLang={setLang} lead={t('app.tagline')} title={t('login.title')}>
      {!online && <p className="notice offline">{t('login.offline')}</p>}
      {expired && <p className="notice">{t('login.expired')}</p>}
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

/** The second sign-in step: the code the authenticator app shows, or (phone lost) one recovery code. */
function SecondStep({ api, lang, setLang, challenge, restart }: { api: Api; lang: Lang; setLang(l: Lang): void; challenge: string; restart(): void }) {
  const { t, tx } = useMemo(() => makeT(lang), [lang]);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const { error, setError, busy, run } = useSubmit((err) => {
    if (err instanceof ApiError && err.status === 429) return t('login.locked', { minutes: minutesToWait(err) });
    if (err instanceof ApiError && err.status === 401) return t(useRecovery ? 'login.recoveryWrong' : 'login.codeWrong');
    return errorText(err, tx);
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!navigator.onLine) return setError(t('login.offline'));
    await run(async () => {
      try {
        await api.secondStep(challenge, useRecovery ? { recoveryCode: code } : { code });
      } catch (err) {
        // The challenge ran out (or the account changed): back to the password.
        if (err instanceof ApiError && err.status === 401 && !err.problem.errors?.length) return restart();
        throw err;
      }
    });
  }

  const field = useRecovery ? 'recovery-code' : 'totp-code';
  return (
    <SignInCard lang={lang} setLang={setLang} title={t('login.codeTitle')}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t(useRecovery ? 'login.recoveryIntro' : 'login.codeIntro')}</p>
        <label htmlFor={field}>{t(useRecovery ? 'login.recoveryCode' : 'login.code')}</label>
        {useRecovery ? (
          <input id={field} key={field} autoComplete="off" autoCapitalize="none" spellCheck={false} required value={code} onChange={(e) => setCode(e.target.value)} />
        ) : (
          <input id={field} key={field} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required value={code} onChange={(e) => setCode(e.target.value)} />
        )}
        <FieldError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.verify')}
        </button>
      </form>
      <p>
        <button
          type="button"
          className="link"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setCode('');
            setError(undefined);
          }}
        >
          {t(useRecovery ? 'login.useApp' : 'login.useRecovery')}
        </button>
      </p>
    </SignInCard>
  );
}

/** Whole minutes until this device may try again (the API's Retry-After), at least one. */
function minutesToWait(err: ApiError): number {
  const seconds = Number((err.problem as { retryAfter?: unknown }).retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
}
