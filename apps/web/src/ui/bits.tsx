import type { ReactNode } from 'react';
import { ApiError } from '../lib/api.js';
import { formatDateTime } from '../lib/i18n.js';
import { useApp, type Loaded } from './context.js';

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { navigate } = useApp();
  return (
    <a
      href={`/app${to}`}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return [error.problem.detail ?? error.problem.title, fields].filter(Boolean).join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Loading, error (with retry) or the content. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useApp();
  if (loaded.error && loaded.data === undefined) {
    return (
      <div role="alert" className="notice error">
        <p>{t('common.error', { message: errorText(loaded.error) })}</p>
        <button type="button" onClick={loaded.reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (loaded.data === undefined) return <p aria-live="polite">{t('common.loading')}</p>;
  return <>{children(loaded.data)}</>;
}

export function Due({ at, overdue }: { at: string | null; overdue?: boolean }) {
  const { t, lang } = useApp();
  if (!at) return <span className="muted">{t('common.noDeadline')}</span>;
  const late = overdue ?? Date.parse(at) < Date.now();
  return (
    <span className={late ? 'due overdue' : 'due'}>
      {late && <strong className="badge overdue-badge">{t('common.overdue')}</strong>} {t('common.due', { when: formatDateTime(lang, at) })}
    </span>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <h1 id="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

/** "Load more" under a list read a page at a time (`usePages`), and why the next page failed if it did. */
export function LoadMore({ pages }: { pages: { hasMore: boolean; loadMore(): Promise<void>; moreError?: unknown } }) {
  const { t } = useApp();
  return (
    <>
      {pages.hasMore && (
        <button type="button" onClick={() => void pages.loadMore()}>
          {t('common.more')}
        </button>
      )}
      {pages.moreError !== undefined && <p role="alert">{errorText(pages.moreError)}</p>}
    </>
  );
}
