// Deadlines and duties as people read them: what is owed, when, how long the law allows, and the section one tap away.
import { BODY_DUTY_RULES, CCI_REGISTRATION_RULE, DEADLINE_RULES, MISSING_REPORT_AHTU_RULE } from '@raksha/case-machine';
import { formatPeriod, formatRelative, humanize } from '../lib/i18n.js';
import { useApp } from './context.js';

/** The Act's own period and basis per rule (a state's policy may shorten a period; the Act's is what "the law allows"). */
const RULES = new Map<string, { within?: string; basis?: string }>(
  [...DEADLINE_RULES, ...BODY_DUTY_RULES, CCI_REGISTRATION_RULE, MISSING_REPORT_AHTU_RULE].map((r) => [r.id, r as { within?: string; basis?: string }]),
);

/** The name of what a rule owes, in the reader's language (`fallback`: the API's English, for a rule the catalogue lacks). */
export function useObligation(): (id: string, fallback?: string) => string {
  const { tx } = useApp();
  return (id, fallback) => tx(`deadline.${id}`, fallback ?? humanize(id));
}

/** The rule's section in short, tappable to read what it says in plain words. */
export function LawNote({ id, fallback }: { id: string; fallback?: string }) {
  const { t, tx } = useApp();
  const section = tx(`section.${id}`, fallback ?? '');
  const summary = tx(`law.${id}`, '');
  if (!section) return null;
  if (!summary) return <span className="muted">{section}</span>;
  return (
    <details className="law">
      <summary>{section}</summary>
      <p aria-label={t('deadline.whatLawSays', { section })}>{summary}</p>
    </details>
  );
}

/** "Produce the child before the CWC — due in 23 hours (the law allows 24 hours)", and the section under it. */
export function DeadlineLine({ id, dueAt, obligation, citation, now }: { id: string; dueAt: string; obligation?: string; citation?: string; now?: number }) {
  const { t, lang } = useApp();
  const name = useObligation()(id, obligation);
  const late = Date.parse(dueAt) < (now ?? Date.now());
  const rule = RULES.get(id);
  const allows = rule?.within ? t('deadline.allows', { basis: rule.basis ?? 'statute', period: formatPeriod(lang, rule.within) }) : '';
  return (
    <span className={late ? 'deadline-line overdue' : 'deadline-line'} data-testid="deadline">
      {late && <strong className="badge overdue-badge">{t('common.overdue')}</strong>} {t(late ? 'deadline.overdue' : 'deadline.due', { obligation: name, relative: formatRelative(lang, dueAt, now) })}
      {allows && <span className="muted"> ({allows})</span>}
      <LawNote id={id} {...(citation !== undefined && { fallback: citation })} />
    </span>
  );
}
