import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { TotpEnrolmentView } from '@raksha/contracts';
import { ApiError, type Api } from '../lib/api.js';
import type { Lang } from '../lib/i18n.js';
import { SignInCard } from './AccountLinks.js';
import { errorText, FieldError, useSubmit } from './bits.js';
import { makeT } from './context.js';

/** The secret in groups of four, as a person types it into an app by hand. */
export const secretGroups = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Setting up the second sign-in step, before anything else for a role that needs it: scan the QR code (or type the
 * key), confirm with the app's first code, then the recovery codes, shown once, until "I have saved them".
 */
export function SecondStepSetup({ api, lang, setLang, alreadyEnrolled }: { api: Api; lang: Lang; setLang(l: Lang): void; alreadyEnrolled: boolean }) {
  const { t, tx } = useMemo(() => makeT(lang), [lang]);
  const [enrolment, setEnrolment] = useState<TotpEnrolmentView>();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const { error, setError, busy, run } = useSubmit((err) => (err instanceof ApiError && err.status === 401 ? t('mfa.setup.codeWrong') : errorText(err, tx)));

  const started = useRef(false);
  useEffect(() => {
    if (alreadyEnrolled || started.current) return;
    started.current = true;
    api.startEnrolment().then(setEnrolment, (err: unknown) => setError(errorText(err, tx)));
  }, [api, alreadyEnrolled, setError, tx]);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    await run(async () => setRecoveryCodes(await api.confirmEnrolment(code)));
  }

  const signOut = (
    <p>
      <button type="button" className="link" onClick={() => void api.logout()}>
        {t('logout')}
      </button>
    </p>
  );
  if (alreadyEnrolled) {
    // Set up from another window since this session began: this one must sign in again, with a code.
    return (
      <SignInCard lang={lang} setLang={setLang} title={t('mfa.setup.title')}>
        <p role="status">{t('mfa.stale')}</p>
        <button type="button" className="primary" onClick={() => void api.logout()}>
          {t('account.toSignIn')}
        </button>
      </SignInCard>
    );
  }
  if (recoveryCodes) {
    return (
      <SignInCard lang={lang} setLang={setLang} title={t('mfa.codes.title')}>
        <p>{t('mfa.codes.intro')}</p>
        <ol className="recovery-codes" aria-label={t('mfa.codes.title')}>
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <button type="button" className="primary" onClick={() => api.enrolled()}>
          {t('mfa.codes.saved')}
        </button>
      </SignInCard>
    );
  }
  return (
    <SignInCard lang={lang} setLang={setLang} title={t('mfa.setup.title')}>
      <p>{t('mfa.setup.intro')}</p>
      {enrolment && (
        <>
          <img className="totp-qr" src={enrolment.qrCode} alt={t('mfa.setup.qrAlt')} width={220} height={220} />
          <p className="muted">{t('mfa.setup.manual')}</p>
          <p>
            <code className="totp-secret" data-secret={enrolment.secret}>
              {secretGroups(enrolment.secret)}
            </code>
          </p>
          <form onSubmit={confirm} noValidate>
            <label htmlFor="setup-code">{t('mfa.setup.code')}</label>
            <input id="setup-code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required value={code} onChange={(e) => setCode(e.target.value)} />
            <FieldError error={error} />
            <button type="submit" className="primary" disabled={busy}>
              {t('mfa.setup.confirm')}
            </button>
          </form>
        </>
      )}
      {!enrolment && <FieldError error={error} />}
      {signOut}
    </SignInCard>
  );
}
