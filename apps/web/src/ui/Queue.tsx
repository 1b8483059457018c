import type { CasePage } from '@raksha/contracts';
import { hasPermission, type Role } from '@raksha/domain';
import { PageTitle, PagedList } from './bits.js';
import { CaseRow } from './CaseRow.js';
import { useApp, usePages } from './context.js';

/** "My cases" next to "My body's queue": what the person was given to work (a CWC's or JJB's member). */
function MyCases() {
  const { t, api } = useApp();
  const pages = usePages((cursor) => api.get<CasePage>(`/cases/mine?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), []);
  return (
    <section aria-labelledby="mine-h">
      <h2 id="mine-h">{t('mine.title')}</h2>
      <p className="muted">{t('mine.intro')}</p>
      <PagedList pages={pages} empty={t('mine.empty')} label={t('mine.title')}>
        {(c) => <CaseRow key={c.id} c={c} />}
      </PagedList>
    </section>
  );
}

export function Queue() {
  const { t, api, session } = useApp();
  const pages = usePages((cursor) => api.get<CasePage>(`/cases/queue?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), []);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('queue.title')}</PageTitle>
      {hasPermission(session.user.roles as Role[], 'case:assign') && <MyCases />}
      <p className="muted">{t('queue.intro')}</p>
      <PagedList pages={pages} empty={t('queue.empty')} label={t('queue.title')}>
        {(c) => <CaseRow key={c.id} c={c} />}
      </PagedList>
    </section>
  );
}
