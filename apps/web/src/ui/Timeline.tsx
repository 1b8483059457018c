import type { TimelineEntryView } from '@raksha/contracts';
import { stageWords } from '../lib/stage-words.js';
import { formatDateTime, humanize } from '../lib/i18n.js';
import { payloadText } from '../lib/timeline-details.js';
import { useApp } from './context.js';
import { useObligation } from './Law.js';

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
                <div className="muted">{t('timeline.to', { to: stageWords(tx, e.toState) })}</div>
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
