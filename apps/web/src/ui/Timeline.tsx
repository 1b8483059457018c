import type { TimelineEntryView } from '@raksha/contracts';
import { stateLabel } from '../lib/case-stage.js';
import { formatDateTime, humanize } from '../lib/i18n.js';
import { useApp, type AppContextValue } from './context.js';
import { useObligation } from './Law.js';

/**
 * What a person reads of an event's details: ids (a place reads by its name, placeName), the ladder's rung and the English copies of an obligation and
 * its citation are the system's (the deadline's own name, in the reader's language, stands for them).
 */
const HIDDEN_PAYLOAD = new Set(['placeId', 'escalationId', 'interventionId', 'assigneeId', 'previousAssigneeId', 'goals', 'progress', 'child', 'rung', 'obligation', 'citation']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[A-Z][A-Z0-9_]+$/;

/** One detail's value in words: a deadline by its name, a body by its name, a time as people read it, a code by its label. */
function valueText(key: string, v: unknown, app: Pick<AppContextValue, 't' | 'tx' | 'lang'>, obligation: (id: string) => string): string {
  if (typeof v === 'boolean') return app.t(v ? 'timeline.yes' : 'timeline.no');
  if (typeof v !== 'string') return String(v);
  if (key === 'deadlineId') return obligation(v);
  if (key === 'toBody') return app.tx(`body.${v}`, humanize(v));
  if (ISO_TIME.test(v)) return formatDateTime(app.lang, v);
  if (CODE.test(v)) return app.tx(`option.${v}`, humanize(v));
  return v;
}

function payloadText(payload: Record<string, unknown>, app: Pick<AppContextValue, 't' | 'tx' | 'lang'>, obligation: (id: string) => string): string[] {
  return Object.entries(payload)
    .filter(([k, v]) => !HIDDEN_PAYLOAD.has(k) && v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${app.tx(`field.${k}`, humanize(k))}: ${valueText(k, v, app, obligation)}`);
}

/** The case's history, oldest first: what happened, who did it, when, which deadlines it met, missed or started. */
export function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  const app = useApp();
  const { t, tx, lang } = app;
  const deadlineName = useObligation();
  return (
    <section className="card timeline-card" aria-labelledby="timeline-h">
      <div className="row">
        <h2 id="timeline-h">{t('timeline.title')}</h2>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('common.print')}
        </button>
      </div>
      {entries.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((e) => {
            const met = e.deadlines?.met ?? [];
            const ended = e.deadlines?.ended ?? [];
            const opened = e.deadlines?.opened ?? [];
            const who = e.actor.role ? tx(`role.${e.actor.role}`, e.actor.role) : t('timeline.system');
            const late = met.some((m) => m.late) || ended.some((m) => m.overdue) || e.eventType === 'DEADLINE_ESCALATED';
            return (
              <li key={e.sequence} className={late ? 'late' : ''} data-event={e.eventType}>
                <time dateTime={e.occurredAt}>{formatDateTime(lang, e.occurredAt)}</time>
                <div className="what">
                  <strong>{tx(`event.${e.eventType}`, humanize(e.eventType))}</strong> <span className="muted">{t('timeline.by', { who })}</span>
                </div>
                <div className="muted">{t('timeline.to', { to: tx(`state.${e.toState}`, stateLabel(e.toState)) })}</div>
                {e.importedFrom && <div className="muted imported">{t('timeline.imported', { register: e.importedFrom })}</div>}
                {payloadText(e.payload ?? {}, app, (id) => deadlineName(id)).map((line) => (
                  <div key={line} className="payload">
                    {line}
                  </div>
                ))}
                {met.map((m) => (
                  <div key={`met-${m.id}`} className={m.late ? 'deadline missed' : 'deadline met'}>
                    {m.late
                      ? `✗ ${t('timeline.metLate', { deadline: deadlineName(m.id), due: formatDateTime(lang, m.dueAt) })}`
                      : `✓ ${t('timeline.met', { deadline: deadlineName(m.id) })}`}
                  </div>
                ))}
                {ended.map((m) => (
                  <div key={`ended-${m.id}`} className={m.overdue ? 'deadline missed' : 'deadline ended'}>
                    {m.overdue
                      ? `✗ ${t('timeline.endedOverdue', { deadline: deadlineName(m.id), due: formatDateTime(lang, m.dueAt) })}`
                      : `– ${t('timeline.ended', { deadline: deadlineName(m.id) })}`}
                  </div>
                ))}
                {opened.map((o) => (
                  <div key={`open-${o.id}`} className="deadline opened">
                    ⏱ {t('timeline.opened', { deadline: deadlineName(o.id), due: formatDateTime(lang, o.dueAt) })}
                  </div>
                ))}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
