import type { CaseView } from '@raksha/contracts';
import { needsChildsName } from '@raksha/domain';
import { formatDate } from '../lib/i18n.js';
import { Link } from './bits.js';
import { useApp, type AppContextValue } from './context.js';
import { DeadlineLine } from './Law.js';
import { PlaceWords } from './PlacePicker.js';

/**
 * The stage in the reader's words: the state's own message, else that of the nearest state enclosing it (the machine
 * labels a few states for all the states inside them, and i18n.spec.ts holds a message for every label). Read from
 * the catalogue alone, so a list of cases does not download the case machine.
 */
export function stageWords(tx: AppContextValue['tx'], state: string): string {
  for (let path = state; path; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
    const words = tx(`state.${path}`, '');
    if (words) return words;
  }
  return state;
}

/** One case in a list: the child, the stage in words, and what is due next, by when. */
export function CaseRow({ c }: { c: CaseView }) {
  const { t, tx, lang, session } = useApp();
  // a monitor's lists carry no child's name (JJ Act s.74): the case is named by its number, not called unnamed
  const label = c.childName ?? (needsChildsName(session.user.roles) ? t('common.unnamed') : t('case.byNumber', { number: c.caseNumber }));
  const next = [...c.openDeadlines].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  return (
    <li className={c.overdue ? 'card case-row is-overdue' : 'card case-row'}>
      <Link to={`/cases/${c.id}`} className="case-link">
        <span className="child">{label}</span>
      </Link>
      <span className="case-number" data-testid="case-number">{c.caseNumber}</span>
      <span className="stage">{stageWords(tx, c.state)}</span>
      <span className="meta">
        {tx(`track.${c.track}`, c.track)} · <PlaceWords districtCode={c.districtCode} /> · {t('case.registered')} {formatDate(lang, c.registeredAt)}
      </span>
      {next ? <DeadlineLine id={next.id} dueAt={next.dueAt} obligation={next.obligation} citation={next.citation} /> : <span className="muted">{t('common.noDeadline')}</span>}
    </li>
  );
}
