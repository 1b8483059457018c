import type { CaseView } from '../lib/api-types.js';
import { PageTitle, Show } from './bits.js';
import { CaseRow } from './CaseRow.js';
import { useApp, useLoad } from './context.js';

export function Queue() {
  const { t, api } = useApp();
  const queue = useLoad(() => api.get<CaseView[]>('/cases/queue?limit=100'), []);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('queue.title')}</PageTitle>
      <p className="muted">{t('queue.intro')}</p>
      <Show loaded={queue}>
        {(cases) =>
          cases.length === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <ol className="list" aria-label={t('queue.title')}>
              {cases.map((c) => (
                <CaseRow key={c.id} c={c} />
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}
