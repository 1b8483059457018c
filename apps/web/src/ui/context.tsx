import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { Api, Session } from '../lib/api.js';
import { translate, translateOr, type Key, type Lang } from '../lib/i18n.js';
import type { Outbox, OutboxItem, SentItem } from '../lib/outbox.js';
import type { CaseStatus } from '@raksha/contracts';

export interface AppContextValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: Key, params?: Record<string, string | number>): string;
  /** for keys built from data: the message if there is one, else the fallback */
  tx(key: string, fallback: string, params?: Record<string, string | number>): string;
  api: Api;
  session: Session;
  outbox: Outbox;
  online: boolean;
  navigate(path: string): void;
  /** sends what waits in the outbox now */
  flush(): Promise<void>;
  /** erases what the person's work left on the device, then signs out */
  signOut(): Promise<void>;
  /** the latest answer of the API for each case an event went to, by case id */
  lastStatus: Record<string, CaseStatus>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}

export function makeT(lang: Lang) {
  return {
    t: (key: Key, params?: Record<string, string | number>) => translate(lang, key, params),
    tx: (key: string, fallback: string, params?: Record<string, string | number>) => translateOr(lang, key, fallback, params),
  };
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads once per change of `deps`; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** A list the API gives a page at a time (`nextCursor`): the first page per change of `deps`, then `loadMore` appends the next. */
export function usePages<T>(loadPage: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>, deps: unknown[]) {
  const [more, setMore] = useState<{ items: T[]; cursor: string | null; error?: unknown }>({ items: [], cursor: null });
  const first = useLoad(async () => {
    const page = await loadPage();
    setMore({ items: [], cursor: page.nextCursor });
    return page.items;
  }, deps);
  async function loadMore() {
    if (!more.cursor) return;
    try {
      const page = await loadPage(more.cursor);
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor }));
    } catch (error) {
      setMore((m) => ({ ...m, error }));
    }
  }
  return { first, rest: more.items, hasMore: more.cursor !== null, loadMore, moreError: more.error };
}

/** The outbox items of the signed-in user, re-read whenever the outbox changes. */
export function useOutboxItems(caseId?: string): OutboxItem[] {
  const { outbox, session } = useApp();
  const read = useCallback(
    () => (caseId ? outbox.forCase(session.user.id, caseId) : outbox.forUser(session.user.id)),
    [outbox, session.user.id, caseId],
  );
  return useOutboxRead(outbox, read);
}

/** What was sent from this device since the app opened. */
export function useSentItems(): SentItem[] {
  const { outbox, session } = useApp();
  const read = useCallback(() => outbox.sent(session.user.id), [outbox, session.user.id]);
  return useOutboxRead(outbox, read);
}

/** What `read` gives of the outbox, read again whenever the outbox changes. */
function useOutboxRead<T>(outbox: AppContextValue['outbox'], read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    setValue(read());
    return outbox.subscribe(() => setValue(read()));
  }, [outbox, read]);
  return value;
}
