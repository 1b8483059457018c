import type { MeView, ResidentView } from '@raksha/contracts';
import { stageWords } from '../lib/stage-words.js';
import { formatDate } from '../lib/i18n.js';
import { Due, Link, PageTitle, Show } from './bits.js';
import { useApp, useLoad } from './context.js';

/** CCI staff: the children in the institution now, each a way into the case, its eFile and care plan. */
export function Institution() {
  const { t, tx, lang, api } = useApp();
  const residents = useLoad(async () => {
    const me = await api.get<MeView>('/auth/me');
    if (!me.body) return { me, children: [] as ResidentView[] };
    return { me, children: await api.get<ResidentView[]>(`/institutions/${encodeURIComponent(me.body.id)}/children`) };
  }, []);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('cci.title')}</PageTitle>
      <Show loaded={residents}>
        {({ me, children }) =>
          !me.body ? (
            <p>{t('cci.noBody')}</p>
          ) : (
            <>
              <p className="muted">{t('cci.intro', { body: me.body.name })}</p>
              {children.length === 0 ? (
                <p>{t('cci.empty')}</p>
              ) : (
                <ol className="list">
                  {children.map((r) => (
                    <li key={r.id} className="card case-row">
                      <Link to={`/cases/${r.caseId}`} className="case-link">
                        <span className="child">{r.childName ?? t('common.unnamed')}</span>
                      </Link>
                      <span className="stage">{stageWords(tx, r.caseState)}</span>
                      <span className="meta">{t('cci.admitted', { when: formatDate(lang, r.admittedAt), order: r.orderRef })}</span>
                      <Due at={r.nextDueAt} />
                    </li>
                  ))}
                </ol>
              )}
            </>
          )
        }
      </Show>
    </section>
  );
}
