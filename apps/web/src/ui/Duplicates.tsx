import type { CHILD_GENDERS, LikelyDuplicate } from '@raksha/contracts';
import { formatDate } from '../lib/i18n.js';
import { percent } from '../lib/reports.js';
import { Link } from './bits.js';
import { useApp } from './context.js';

/**
 * Records of the same child that may exist already, shown before a registration or a report is saved: the person
 * opens one of them, or says it is another child and saves.
 */
export function LikelyDuplicates({ items, onSaveAnyway, onEdit, busy }: { items: readonly LikelyDuplicate[]; onSaveAnyway(): void; onEdit(): void; busy: boolean }) {
  const { t, lang } = useApp();
  return (
    <div role="alert" className="card duplicates" data-testid="likely-duplicates">
      <h2>{t('dup.title')}</h2>
      <p>{t('dup.intro')}</p>
      <ul className="list">
        {items.map(({ record: r, probability }) => (
          <li key={r.id} className="case-row" data-testid="likely-duplicate">
            <Link to={r.recordType === 'CASE' ? `/cases/${r.id}` : `/reports/${r.id}`} className="case-link">
              <span className="child">{r.name ?? t('common.unnamed')}</span>
            </Link>
            <span className="meta">
              {[r.gender && t(`register.gender.${r.gender as (typeof CHILD_GENDERS)[number]}`), r.ageYears && t('dup.age', { age: r.ageYears.min === r.ageYears.max ? String(r.ageYears.min) : `${r.ageYears.min}–${r.ageYears.max}` }), r.districtCode].filter(Boolean).join(' · ')}
            </span>
            <span className="meta">
              {t(r.recordType === 'CASE' ? 'dup.registeredOn' : r.kind === 'MISSING' ? 'dup.missingSince' : 'dup.foundOn', { date: formatDate(lang, r.date) })}
              {r.policeRef && ` · ${t('rep.policeRefIs', { ref: r.policeRef })}`}
            </span>
            <span className="badge">{t('dup.likely', { percent: percent(probability) })}</span>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" onClick={onEdit}>
          {t('dup.edit')}
        </button>
        <button type="button" className="primary" onClick={onSaveAnyway} disabled={busy}>
          {t('dup.saveAnyway')}
        </button>
      </div>
    </div>
  );
}
