import type { CasePage } from '@raksha/contracts';
import { PageTitle, PagedList } from './bits.js';
import { CaseRow } from './CaseRow.js';
import { useApp, usePages } from './context.js';

export function Queue() {
  const { t, api } = useApp();
  const pages = usePages((cursor) => api.get<CasePage>(`/cases/queue?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), []);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('queue.title')}</PageTitle>
      <p className="muted">{t('queue.intro')}</p>
      <PagedList pages={pages} empty={t('queue.empty')} label={t('queue.title')}>
        {(c) => <CaseRow key={c.id} c={c} />}
      </PagedList>
    </section>
  );
}
