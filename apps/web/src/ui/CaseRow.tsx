import type { CaseView } from '@raksha/contracts';
import { needsChildsName } from '@raksha/domain';
import { formatDate } from '../lib/i18n.js';
import { Link } from './bits.js';
import { stageWords } from '../lib/stage-words.js';
import { useApp } from './context.js';
import { DeadlineLine } from './Law.js';
import { PlaceWords } from './PlacePicker.js';

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
