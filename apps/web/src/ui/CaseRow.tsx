import type { CaseView } from '@raksha/contracts';
import { stateLabel } from '../lib/case-stage.js';
import { formatDate } from '../lib/i18n.js';
import { Due, Link } from './bits.js';
import { useApp } from './context.js';

/** One case in a list: the child, the stage in words, the next deadline. */
export function CaseRow({ c }: { c: CaseView }) {
  const { t, tx, lang } = useApp();
  return (
    <li className={c.overdue ? 'card case-row is-overdue' : 'card case-row'}>
      <Link to={`/cases/${c.id}`} className="case-link">
        <span className="child">{c.childName ?? t('common.unnamed')}</span>
      </Link>
      <span className="stage">{tx(`state.${c.state}`, stateLabel(c.state))}</span>
      <span className="meta">
        {c.track} · {c.districtCode} · {t('case.registered')} {formatDate(lang, c.registeredAt)}
      </span>
      <Due at={c.nextDueAt} overdue={c.overdue} />
    </li>
  );
}
