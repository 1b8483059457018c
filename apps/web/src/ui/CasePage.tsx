import { lazy, Suspense, useEffect, useState } from 'react';
import type { CaseDetailView, EscalationView, TimelineEntryView } from '@raksha/contracts';
import { formatDateTime } from '../lib/i18n.js';
import { stageSection, stageWords } from '../lib/stage-words.js';
import { hasPermission, hasRoleIn, type Role } from '@raksha/domain';
import { ApiError } from '../lib/api.js';
import { FieldError, Link, PageTitle, Show, useSubmit, WithOwnWords } from './bits.js';
import { DeadlineLine, LawNote, useObligation } from './Law.js';
import { useApp, useLoad } from './context.js';
import { Timeline } from './Timeline.js';
import { CarePlanSection, EFileSection } from './Care.js';
import { CaseDeliveries } from './Deliveries.js';
import { DocumentsSection } from './Documents.js';
import { ChildProfileSection } from './ChildProfile.js';
import { LoadFailure } from './LoadFailure.js';

// The event composer needs the case machine and zod (its forms are made from the events' schemas): about half the
// page's script. The case, its stage, deadlines and timeline are drawn without them; the composer comes after.
const CaseActions = lazy(() => import('./EventComposer.js').then((m) => ({ default: m.CaseActions })));

/**
 * True from the first frame drawn after `ready`: what waits for it is asked for once the case is on the screen, so
 * its download does not delay the case's first paint.
 */
function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setAfter(true))));
    // a tab in the background draws no frames: the composer still comes
    const fallback = window.setTimeout(() => setAfter(true), 500);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      window.clearTimeout(fallback);
    };
  }, [ready, after]);
  return after;
}

/**
 * The actions' card while its code loads, laid out as the composer will be (the API's `yourEvents` tells whether the
 * person has any action), with the choice saying it loads: on a phone the card is above the summary, which must not
 * jump when the composer comes.
 */
function ActionsLoading({ exact, none }: { exact: boolean; none: boolean }) {
  const { t } = useApp();
  return (
    <section className="card actions" aria-labelledby="actions-h" aria-busy="true">
      <h2 id="actions-h">{t('case.actions')}</h2>
      {none ? (
        <p className="muted">{t('case.actionsNone')}</p>
      ) : (
        <>
          <p className="muted">{t(exact ? 'case.actionsExact' : 'case.actionsLikely')}</p>
          <label htmlFor="event-type-loading">{t('case.chooseAction')}</label>
          <select id="event-type-loading" disabled>
            <option>{t('common.loading')}</option>
          </select>
        </>
      )}
    </section>
  );
}

export function CasePage({ caseId }: { caseId: string }) {
  const { t, tx, lang, api, session, lastStatus } = useApp();
  const obligation = useObligation();
  const found = useLoad(() => api.get<CaseDetailView>(`/cases/${caseId}`), [caseId]);
  const timeline = useLoad(() => api.get<TimelineEntryView[]>(`/cases/${caseId}/timeline`), [caseId]);
  const escalations = useLoad(() => api.get<EscalationView[]>(`/cases/${caseId}/escalations`), [caseId]);
  const status = lastStatus[caseId];
  const taking = useSubmit();
  const painted = useAfterPaint(found.data !== undefined);
  // Taking the case is assigning it to oneself (POST /cases/:id/assignment); a CASE_ASSIGNED step on the timeline.
  const take = () =>
    taking.run(async () => {
      await api.post(`/cases/${caseId}/assignment`, { userId: session.user.id });
      found.reload();
      timeline.reload();
    });
  useEffect(() => {
    if (!status) return;
    found.reload();
    timeline.reload();
    escalations.reload();
  }, [status]);

  if (found.error instanceof ApiError && found.error.status === 404) return <p role="alert">{t('case.notFound')}</p>;
  const roles = session.user.roles as Role[];
  return (
    <Show loaded={found}>
      {(c) => {
        const exact = status && status.sequence === c.version ? status.allowedEvents : (c.allowedEvents ?? undefined);
        // the API's word on which of those the person may send, when it answered for this version
        const mine = exact !== undefined && exact === c.allowedEvents ? c.yourEvents : null;
        const loadingActions = <ActionsLoading exact={exact !== undefined} none={mine?.length === 0} />;
        // from the catalogue, not the case machine, which the first paint does without
        const label = stageWords(tx, c.state);
        const citation = stageSection(tx, c.state);
        return (
          <article aria-labelledby="page-title" className="case-page">
            <PageTitle>{t('case.title', { name: c.childName ?? t('common.unnamed') })}</PageTitle>
            <section className="card summary" aria-labelledby="summary-h">
              <h2 id="summary-h">{t('case.summary')}</h2>
              <dl>
                <dt>{t('case.number')}</dt>
                <dd data-testid="case-number">{c.caseNumber}</dd>
                <dt>{t('case.stage')}</dt>
                <dd data-testid="case-stage">
                  <strong>{label}</strong>
                  {citation && <span className="muted"> ({citation})</span>}
                </dd>
                <dt>{t('case.phase')}</dt>
                <dd>{tx(`phase.${c.phase}`, c.phase)}</dd>
                <dt>{t('case.track')}</dt>
                <dd>{tx(`track.${c.track}`, c.track)}</dd>
                <dt>{t('case.district')}</dt>
                <dd>{c.placeNames?.district ?? c.districtCode}</dd>
                {c.placeNames?.thana && (
                  <>
                    <dt>{t('place.thana')}</dt>
                    <dd data-testid="case-thana">{c.placeNames.thana}</dd>
                  </>
                )}
                {c.placeNames?.block && (
                  <>
                    <dt>{t('place.block')}</dt>
                    <dd>{c.placeNames.block}</dd>
                  </>
                )}
                {c.placeNames?.village && (
                  <>
                    <dt>{t('place.village')}</dt>
                    <dd>{c.placeNames.village}</dd>
                  </>
                )}
                <dt>{t('case.registered')}</dt>
                <dd>{formatDateTime(lang, c.registeredAt)}</dd>
                <dt>{t('case.assignee')}</dt>
                <dd data-testid="case-assignee">
                  {c.assignee?.displayName ?? t('case.unassigned')}
                  {c.mayAssign && c.assignee?.id !== session.user.id && (
                    <>
                      {' '}
                      <button type="button" disabled={taking.busy} onClick={() => void take()}>
                        {t('case.takeIt')}
                      </button>
                    </>
                  )}
                  <FieldError error={taking.error} />
                </dd>
              </dl>
              <h3>{t('case.deadlines')}</h3>
              {(c.openDeadlines ?? []).length === 0 ? (
                <p className="muted">{t('common.noDeadline')}</p>
              ) : (
                <ul className="deadlines">
                  {(c.openDeadlines ?? []).map((d) => (
                    <li key={d.id}>
                      <DeadlineLine id={d.id} dueAt={d.dueAt} obligation={d.obligation} citation={d.citation} />
                    </li>
                  ))}
                </ul>
              )}
            </section>

            {/* below the summary (on a phone, below the screen's fold): read once the case is drawn, so these reads do not
                compete with the case's own for the phone's few connections */}
            {painted && <ChildProfileSection caseId={c.id} mayChange={hasPermission(roles, 'case:event') && c.phase !== 'CLOSED'} />}

            {hasPermission(roles, 'case:event') && (
              // a boundary of its own once painted: one that had shown its children would keep them, hidden, beside the fallback
              painted ? (
                <LoadFailure>
                  <Suspense fallback={loadingActions}>
                    <CaseActions caseId={c.id} version={c.version} state={c.state} childName={c.childName} allowed={exact} />
                  </Suspense>
                </LoadFailure>
              ) : (
                loadingActions
              )
            )}

            <Show loaded={escalations}>
              {(list) =>
                list.length === 0 ? null : (
                  <section className="card" aria-labelledby="esc-h">
                    <h2 id="esc-h">{t('case.escalations')}</h2>
                    <ul className="plain">
                      {list.map((e) => (
                        <li key={e.id}>
                          <strong>{t(`esc.status.${e.status}`)}</strong> — {obligation(e.deadlineId, e.obligation)} · {t('esc.rung', { body: tx(`body.${e.toBody}`, e.toBody) })} ·{' '}
                          {t('esc.dueWas', { when: formatDateTime(lang, e.dueAt) })}
                          <LawNote id={e.deadlineId} fallback={e.citation} />
                          {e.resolutionNote && (
                            <div>
                              <WithOwnWords message={(note) => t('esc.resolvedNote', { note })} words={e.resolutionNote} />
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  </section>
                )
              }
            </Show>

            {painted && (
              <>
                <CaseDeliveries caseId={c.id} />
                <DocumentsSection caseId={c.id} />
                {hasPermission(roles, 'efile:read') && hasRoleIn(roles, 'careStaff') && (
                  <>
                    <CarePlanSection caseId={c.id} />
                    <EFileSection caseId={c.id} childName={c.childName} />
                  </>
                )}
              </>
            )}

            <Show loaded={timeline}>{(entries) => <Timeline entries={entries} />}</Show>
            {hasPermission(roles, 'audit:read') && (
              <p>
                <Link to={`/access-log/cases/${c.id}`}>{t('case.accessLog')}</Link>
              </p>
            )}
          </article>
        );
      }}
    </Show>
  );
}
