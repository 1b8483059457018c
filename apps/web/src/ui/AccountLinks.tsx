import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { PASSWORD_MIN_LENGTH } from '@raksha/contracts';
import { ApiError, problemOf, type Api } from '../lib/api.js';
import type { Lang } from '../lib/i18n.js';
import { Brand, errorText, FieldError, LangSwitch, setDocumentTitle, useSubmit } from './bits.js';
import { makeT } from './context.js';
import type { LinkPurpose } from '../lib/account-links.js';

interface Props {
  api: Api;
  lang: Lang;
  setLang(l: Lang): void;
  /** back to sign-in (the fragment cleared) */
  done(): void;
}

/** The card of the pages a person sees before signing in (sign-in, set password, forgotten password). */
export function SignInCard({ lang, setLang, lead, title, children }: { lang: Lang; setLang(l: Lang): void; lead?: string; title: string; children: ReactNode }) {
  const { t } = useMemo(() => makeT(lang), [lang]);
  useEffect(() => setDocumentTitle(title, t('app.name')), [title, t]);
  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-head">
          <p className="brand">
            <Brand name={t('app.name')} />
          </p>
          <LangSwitch lang={lang} setLang={setLang} t={t} />
        </div>
        {lead && <p className="muted">{lead}</p>}
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** Sets a password from an invitation or a reset link; the link works once. */
export function SetPassword({ api, lang, setLang, done, purpose, token }: Props & { purpose: LinkPurpose; token: string }) {
  const { t, tx } = useMemo(() => makeT(lang), [lang]);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [outcome, setOutcome] = useState<'set' | 'gone'>();
  // before sign-in there is no app context: refusals in this page's language
  const { error, setError, busy, run } = useSubmit((e) => errorText(e, tx));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) return setError(t('account.tooShort'));
    if (password !== confirm) return setError(t('account.mismatch'));
    await run(async () => {
      const res = await api.publicPost(purpose === 'INVITATION' ? '/auth/invitations/accept' : '/auth/password-reset/complete', { token, password });
      if (res.status === 204) return setOutcome('set');
      if (res.status === 410) return setOutcome('gone');
      throw new ApiError(res.status, problemOf(res));
    });
  }

  return (
    <SignInCard lang={lang} setLang={setLang} title={t(`account.title.${purpose}`)}>
      {outcome ? (
        <>
          <p role="status">{t(outcome === 'set' ? 'account.done' : 'account.linkGone')}</p>
          <button type="button" className="primary" onClick={done}>
            {t('account.toSignIn')}
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">{t(`account.intro.${purpose}`)}</p>
          <label htmlFor="new-password">{t('account.password')}</label>
          <input id="new-password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} value={password} onChange={(e) => setPassword(e.target.value)} />
          <label htmlFor="confirm-password">{t('account.confirm')}</label>
          <input id="confirm-password" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          <FieldError error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('account.save')}
          </button>
        </form>
      )}
    </SignInCard>
  );
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPassword({ api, lang, setLang, done }: Props) {
  const { t, tx } = useMemo(() => makeT(lang), [lang]);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { error, busy, run } = useSubmit((e) => errorText(e, tx));

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const res = await api.publicPost('/auth/password-reset', { email });
      if (res.status !== 202) throw new ApiError(res.status, problemOf(res));
      setSent(true);
    });
  }

  return (
    <SignInCard lang={lang} setLang={setLang} title={t('account.forgotTitle')}>
      {sent ? (
        <p role="status">{t('account.sent')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">{t('account.forgotIntro')}</p>
          <label htmlFor="reset-email">{t('account.email')}</label>
          <input id="reset-email" type="email" autoComplete="email" autoCapitalize="none" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <FieldError error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('account.send')}
          </button>
        </form>
      )}
      <button type="button" className="link" onClick={done}>
        {t('account.toSignIn')}
      </button>
    </SignInCard>
  );
}
