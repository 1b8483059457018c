import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { newId } from '../lib/ids.js';
import { Api, type Session } from '../lib/api.js';
import { loadLang, loadLanguage, saveLang, type Lang } from '../lib/i18n.js';
import { Outbox, outcomeOf, requestOf } from '../lib/outbox.js';
import { SealedOutboxStore } from '../lib/sealed-store.js';
import { forgetOfflineReads } from '../lib/offline-cache.js';
import { WEB_APP_BASE, type CaseStatus, type NotificationView } from '@raksha/contracts';
import { homeOf, navFor, phoneBarFor } from '../lib/roles.js';
import { AppContext, makeT, useApp, useLoad, useOutboxItems, type AppContextValue } from './context.js';
import { Brand, LangSwitch, Link } from './bits.js';
import { Login } from './Login.js';
import { LoadFailure } from './LoadFailure.js';
import { ForgotPassword, SetPassword } from './AccountLinks.js';
import { accountPageOf } from '../lib/account-links.js';

/**
 * Routing: the sign-in pages (password, second step, account links) are in the first chunk; every page after them is
 * its own chunk (a role downloads the pages it opens, not everyone's), fetched on first visit and precached by the
 * service worker for offline use. To add a page: one `lazyPage` line here naming its module and export, and one
 * branch in Shell's <main> (and, if people open it by its address, an entry in BY_ADDRESS).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy takes a component of any props
type PageComponent = ComponentType<any>;
function lazyPage<M extends Record<K, PageComponent>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> & { preload(): Promise<unknown> } {
  return Object.assign(
    lazy(() => load().then((m) => ({ default: m[name] }))),
    { preload: load },
  );
}
const SecondStepSetup = lazyPage(() => import('./SecondStepSetup.js'), 'SecondStepSetup');
const PrivacyPage = lazyPage(() => import('./Privacy.js'), 'PrivacyPage');
const Administration = lazyPage(() => import('./Administration.js'), 'Administration');
const AccessLog = lazyPage(() => import('./AccessLog.js'), 'AccessLog');
const Imports = lazyPage(() => import('./Imports.js'), 'Imports');
const Queue = lazyPage(() => import('./Queue.js'), 'Queue');
const CasePage = lazyPage(() => import('./CasePage.js'), 'CasePage');
const Escalations = lazyPage(() => import('./Escalations.js'), 'Escalations');
const Interventions = lazyPage(() => import('./Interventions.js'), 'Interventions');
const Institution = lazyPage(() => import('./Institution.js'), 'Institution');
const CaseList = lazyPage(() => import('./CaseList.js'), 'CaseList');
const Register = lazyPage(() => import('./Register.js'), 'Register');
const CandidateDetail = lazyPage(() => import('./Reports.js'), 'CandidateDetail');
const ReportDetail = lazyPage(() => import('./Reports.js'), 'ReportDetail');
const ReportForm = lazyPage(() => import('./Reports.js'), 'ReportForm');
const ReportList = lazyPage(() => import('./Reports.js'), 'ReportList');
const Inbox = lazyPage(() => import('./Inbox.js'), 'Inbox');
const Verify = lazyPage(() => import('./Inbox.js'), 'Verify');
const DeliveriesAdmin = lazyPage(() => import('./Notifications.js'), 'DeliveriesAdmin');
const NotificationSettingsPage = lazyPage(() => import('./Notifications.js'), 'NotificationSettingsPage');
const Dashboard = lazyPage(() => import('./Dashboard.js'), 'Dashboard');
const OutboxPage = lazyPage(() => import('./Outbox.js'), 'OutboxPage');
const Bodies = lazyPage(() => import('./Registries.js'), 'Bodies');
const InstitutionList = lazyPage(() => import('./Registries.js'), 'InstitutionList');
const InstitutionPage = lazyPage(() => import('./Registries.js'), 'InstitutionPage');
const NewInstitution = lazyPage(() => import('./Registries.js'), 'NewInstitution');

/** Pages people open by address (a bookmark, a reload, a notice's link): fetched while React starts (preloadPageOf). */
const BY_ADDRESS: Record<string, { preload(): Promise<unknown> }> = { '/queue': Queue, '/dashboard': Dashboard, '/escalations': Escalations, '/interventions': Interventions, '/institution': Institution, '/cases': CaseList, '/inbox': Inbox, '/reports': ReportList };

const BASE = WEB_APP_BASE;

/** Starts fetching the page at `pathname` in parallel with the app's first render (main.tsx; signed-in tabs only). */
export function preloadPageOf(pathname: string): void {
  const route = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const page = /^\/cases\/[0-9a-f-]{36}$/.test(route) ? CasePage : BY_ADDRESS[route];
  void page?.preload().catch(() => undefined);
}
const currentPath = () => (window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : '/') || '/';

export function App() {
  const [lang, setLangState] = useState<Lang>(() => loadLang(window.localStorage, navigator.languages));
  const [session, setSession] = useState<Session | null>(null);
  const signedIn = useRef(false);
  const [api] = useState(
    () =>
      new Api(window.sessionStorage, (s) => {
        // A fresh sign-in starts with no kept answers of whoever used this phone before.
        const fresh = s !== null && !signedIn.current;
        signedIn.current = s !== null;
        if (fresh) void forgetOfflineReads().finally(() => setSession(s));
        else setSession(s);
      }),
  );
  const [outbox] = useState(() => new Outbox(new SealedOutboxStore(window.sessionStorage), () => newId()));
  const [online, setOnline] = useState(navigator.onLine);
  const [path, setPath] = useState(currentPath);
  const [lastStatus, setLastStatus] = useState<Record<string, CaseStatus>>({});
  const [accountHash, setAccountHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHash = () => setAccountHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    signedIn.current = api.session !== null;
    setSession(api.session);
  }, [api]);
  useEffect(() => {
    document.documentElement.lang = lang;
    saveLang(window.localStorage, lang);
    // installed from here, the app takes the name the person reads (manifest.<lang>.webmanifest, vite.config.ts)
    const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    // BASE has no trailing slash ('/app'): the manifests are at /app/manifest(.<lang>).webmanifest
    const wanted = new URL(`${BASE}/${lang === 'en' ? 'manifest.webmanifest' : `manifest.${lang}.webmanifest`}`, window.location.href).href;
    // set only when it changes: setting it makes the browser read the manifest again
    if (manifest && manifest.href !== wanted) manifest.href = wanted;
  }, [lang]);

  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', `${BASE}${to}`);
    setPath(to);
    window.scrollTo(0, 0);
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  }, []);
  useEffect(() => {
    const onPop = () => setPath(currentPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const userId = session?.user.id;
  const flush = useCallback(async () => {
    if (!userId || !navigator.onLine) return;
    const report = await outbox.flush<CaseStatus & { id?: string }>(
      userId,
      async (item) => {
        const req = requestOf(item);
        const res = await api.raw('POST', req.path, req.body, req.headers);
        return outcomeOf<CaseStatus & { id?: string }>(res.status, res.body);
      },
      // where the person reads what was made: the registered case, the filed report
      (item, result) => (item.kind === 'registration' ? `/cases/${result.caseId}` : item.kind === 'missing' || item.kind === 'found' ? `/reports/${result.id}` : item.caseId ? `/cases/${item.caseId}` : undefined),
    );
    if (report.sent.length) {
      setLastStatus((prev) => {
        const next = { ...prev };
        for (const s of report.sent) if ((s.item.kind ?? 'event') === 'event' && s.item.caseId) next[s.item.caseId] = s.result;
        return next;
      });
    }
  }, [api, outbox, userId]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const every = setInterval(() => void flush(), 20_000);
    void flush();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearInterval(every);
    };
  }, [flush]);

  const strings = useMemo(() => makeT(lang), [lang]);
  /** Signing out leaves nothing of the person's work on the device: the kept answers and the outbox are erased. */
  const signOut = useCallback(async () => {
    await Promise.all([forgetOfflineReads(), outbox.erase()]);
    await api.logout();
  }, [api, outbox]);
  // a language other than English is its own chunk: shown once loaded (from the service worker's cache when offline);
  // the choice is kept at once, so a page opened meanwhile starts in it
  const setLang = useCallback((l: Lang) => {
    saveLang(window.localStorage, l);
    void loadLanguage(l).then(() => setLangState(l));
  }, []);

  if (!session) {
    // A link from an invitation or a reset email, or the reset request, opens before sign-in.
    const account = accountPageOf(accountHash);
    const toSignIn = () => {
      window.history.replaceState(null, '', `${BASE}/`);
      setAccountHash('');
    };
    if (account?.page === 'set-password') return <SetPassword api={api} lang={lang} setLang={setLang} done={toSignIn} purpose={account.purpose} token={account.token} />;
    if (account?.page === 'forgot-password') return <ForgotPassword api={api} lang={lang} setLang={setLang} done={toSignIn} />;
    return <Login api={api} lang={lang} setLang={setLang} online={online} />;
  }
  // A role that needs the second sign-in step does nothing else until it is set up (the API answers 403 meanwhile).
  if (session.enrolmentOnly)
    return (
      <Suspense>
        <SecondStepSetup api={api} lang={lang} setLang={setLang} alreadyEnrolled={session.user.secondStep?.enrolled ?? false} />
      </Suspense>
    );
  const value: AppContextValue = { lang, setLang, ...strings, api, session, outbox, online, navigate, flush, lastStatus, signOut };
  return (
    <AppContext.Provider value={value}>
      <Shell path={path} />
    </AppContext.Provider>
  );
}

function Shell({ path }: { path: string }) {
  const { t, lang, setLang, session, api, online, flush, signOut } = useApp();
  const kept = useOutboxItems();
  const pending = kept.filter((i) => i.status === 'pending').length;
  const attention = kept.length - pending;
  const roles = session.user.roles;
  const nav = navFor(roles, session.user.body?.type);
  const route = path === '/' ? homeOf(roles, session.user.body?.type) : path;
  const caseMatch = /^\/cases\/([0-9a-f-]{36})$/.exec(route);
  const reportMatch = /^\/reports\/([0-9a-f-]{36})$/.exec(route);
  const candidateMatch = /^\/match-candidates\/([0-9a-f-]{36})$/.exec(route);
  const institutionMatch = /^\/registry\/institutions\/([A-Z0-9-]+)$/.exec(route);
  const logMatch = /^\/access-log\/(cases|reports|people)\/([0-9a-f-]{36})$/.exec(route);
  const bar = phoneBarFor(nav);
  const hasInbox = nav.some((n) => n.path === '/inbox');
  // the inbox's unread count on the phone's bar, read again on every page change (kept offline like the inbox)
  const unread = useLoad(
    () => (hasInbox ? api.get<NotificationView[]>('/notifications?limit=100&unread=true').then((l) => l.length) : Promise.resolve(0)),
    [hasInbox, path],
  ).data;
  const activeNav = nav.filter((n) => route === n.path || route.startsWith(`${n.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <Brand name={t('app.name')} />
        </div>
        <div className="who">
          {t('signedInAs', { name: session.user.displayName, role: roles.map((r) => t(`role.${r}` as never)).join(', '), body: session.user.body?.name ?? '—' })}
        </div>
        <div className="top-actions">
          <LangSwitch lang={lang} setLang={setLang} t={t} />
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('logout')}
          </button>
        </div>
        <nav aria-label={t('nav.main')} className="nav">
          {nav.map((n) => (
            <Link
              key={n.path}
              to={n.path}
              className={`${n.path === activeNav && !(n.path === '/cases' && caseMatch) ? 'active' : ''}${bar.includes(n) ? ' on-bar' : ''}`}
            >
              {t(n.label)}
            </Link>
          ))}
          <Link to="/outbox" className={route === '/outbox' ? 'active' : ''}>
            {t('nav.outbox')}
          </Link>
        </nav>
      </header>
      {/* On a phone (at most 640 px wide) the role's main places sit at the bottom, within the thumb's reach. */}
      <nav aria-label={t('nav.phone')} className="bottom-bar">
        {bar.map((n) => (
          <Link key={n.path} to={n.path} className={n.path === activeNav && !(n.path === '/cases' && caseMatch) ? 'active' : ''}>
            <span>{t(n.label)}</span>
            {n.path === '/inbox' && unread ? (
              <span className="count" aria-label={t('nav.unread', { count: unread })}>
                {unread}
              </span>
            ) : null}
          </Link>
        ))}
      </nav>
      {!online && (
        <div className="notice offline" role="status">
          {t('net.offline')}
        </div>
      )}
      {pending > 0 && (
        <div className="notice pending" role="status">
          <Link to="/outbox">{t('net.pending', { count: pending })}</Link>{' '}
          {online && (
            <button type="button" onClick={() => void flush()}>
              {t('net.sendNow')}
            </button>
          )}
        </div>
      )}
      {attention > 0 && (
        <div className="notice attention" role="alert">
          <Link to="/outbox">{t('outbox.state.attention')}</Link>
        </div>
      )}
      <main id="main">
        {/* a page's chunk arrives in a moment (at once from the service worker): the header stays, the page follows;
            one that cannot arrive (no connection, no copy on the phone yet) says so, and comes when it can */}
        <LoadFailure key={route}>
        <Suspense fallback={<p aria-live="polite">{t('common.loading')}</p>}>
        {caseMatch ? (
          <CasePage caseId={caseMatch[1]!} />
        ) : route === '/queue' ? (
          <Queue />
        ) : route === '/escalations' ? (
          <Escalations />
        ) : route === '/interventions' ? (
          <Interventions />
        ) : route === '/institution' ? (
          <Institution />
        ) : route === '/cases' ? (
          <CaseList mode="list" />
        ) : route === '/dashboard' || route.startsWith('/dashboard?') ? (
          <Dashboard />
        ) : route === '/search' ? (
          <CaseList mode="search" />
        ) : route === '/register' ? (
          <Register />
        ) : reportMatch ? (
          <ReportDetail key={reportMatch[1]} reportId={reportMatch[1]!} />
        ) : candidateMatch ? (
          <CandidateDetail key={candidateMatch[1]} candidateId={candidateMatch[1]!} />
        ) : route === '/reports' ? (
          <ReportList />
        ) : route === '/reports/new/missing' ? (
          <ReportForm key="missing" kind="MISSING" />
        ) : route === '/reports/new/found' ? (
          <ReportForm key="found" kind="FOUND" />
        ) : route === '/registry' ? (
          <InstitutionList />
        ) : route === '/registry/new' ? (
          <NewInstitution />
        ) : route === '/registry/import' ? (
          <Imports initialKind="INSTITUTIONS" />
        ) : route === '/registry/bodies' ? (
          <Bodies />
        ) : institutionMatch ? (
          <InstitutionPage key={institutionMatch[1]} id={institutionMatch[1]!} />
        ) : logMatch ? (
          <AccessLog key={route} subject={{ kind: logMatch[1] === 'cases' ? 'case' : logMatch[1] === 'reports' ? 'report' : 'person', id: logMatch[2]! }} />
        ) : route === '/admin/imports' ? (
          <Imports />
        ) : route === '/admin' ? (
          <Administration />
        ) : route === '/outbox' ? (
          <OutboxPage />
        ) : route === '/inbox' ? (
          <Inbox />
        ) : route === '/privacy' ? (
          <PrivacyPage />
        ) : route === '/verify' ? (
          <Verify />
        ) : route === '/notifications' ? (
          <NotificationSettingsPage />
        ) : route === '/deliveries' ? (
          <DeliveriesAdmin />
        ) : (
          <p>{t('citizen.none')}</p>
        )}
        </Suspense>
        </LoadFailure>
      </main>
    </>
  );
}
