import type { CasePage } from '@raksha/contracts';
import { LoadMore, PageTitle, Show } from './bits.js';
import { CaseRow } from './CaseRow.js';
import { useApp, usePages } from './context.js';

export function Queue() {
  const { t, api } = useApp();
  const pages = usePages((cursor) => api.get<CasePage>(`/cases/queue?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), []);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('queue.title')}</PageTitle>
      <p className="muted">{t('queue.intro')}</p>
      <Show loaded={pages.first}>
        {(first) =>
          first.length === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <>
              <ol className="list" aria-label={t('queue.title')}>
                {[...first, ...pages.rest].map((c) => (
                  <CaseRow key={c.id} c={c} />
                ))}
              </ol>
              <LoadMore pages={pages} />
            </>
          )
        }
      </Show>
    </section>
  );
}
