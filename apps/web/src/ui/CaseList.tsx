import { useState, type FormEvent } from 'react';
import { CASE_PHASES } from '@raksha/case-machine';
import type { CasePage } from '@raksha/contracts';
import { Choose, PageTitle, PagedList } from './bits.js';
import { CaseRow } from './CaseRow.js';
import { useApp, usePages } from './context.js';
import { PlacePicker } from './PlacePicker.js';

interface Filters {
  number: string;
  name: string;
  guardian: string;
  stateCode: string;
  districtCode: string;
  track: string;
  phase: string;
  overdue: boolean;
  registeredFrom: string;
  registeredTo: string;
}
const EMPTY: Filters = { number: '', name: '', guardian: '', stateCode: '', districtCode: '', track: '', phase: '', overdue: false, registeredFrom: '', registeredTo: '' };

function queryOf(f: Filters, cursor?: string): string {
  const q = new URLSearchParams({ limit: '25' });
  if (f.number.trim()) q.set('number', f.number.trim());
  if (f.name.trim()) q.set('name', f.name.trim());
  if (f.guardian.trim()) q.set('guardian', f.guardian.trim());
  if (f.stateCode.trim()) q.set('stateCode', f.stateCode.trim().toUpperCase());
  if (f.districtCode.trim()) q.set('districtCode', f.districtCode.trim().toUpperCase());
  if (f.track) q.set('track', f.track);
  if (f.phase) q.set('phase', f.phase);
  if (f.overdue) q.set('overdue', 'true');
  if (f.registeredFrom) q.set('registeredFrom', new Date(`${f.registeredFrom}T00:00:00+05:30`).toISOString());
  if (f.registeredTo) q.set('registeredTo', new Date(`${f.registeredTo}T23:59:59+05:30`).toISOString());
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

/** Cases of the jurisdiction, newest first; `search` adds the filters a monitor audits with. */
export function CaseList({ mode }: { mode: 'list' | 'search' }) {
  const { t, tx, api, session } = useApp();
  const own = session.user.body;
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const pages = usePages((cursor) => api.get<CasePage>(`/cases?${queryOf(filters, cursor)}`), [filters]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft });
  };
  const set = (k: keyof Filters, v: string | boolean) => setDraft({ ...draft, [k]: v });

  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t(mode === 'search' ? 'search.title' : 'cases.title')}</PageTitle>
      <p className="muted">{t(mode === 'search' ? 'search.intro' : 'cases.intro')}</p>
      {/* Everyone may look a case up by the number read out on the phone; monitors also filter. */}
      <form className="card filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="s-number">{t('search.number')}</label>
          <input id="s-number" value={draft.number} onChange={(e) => set('number', e.target.value)} aria-describedby="s-number-hint" autoComplete="off" />
          <p id="s-number-hint" className="muted small">
            {t('search.numberHint')}
          </p>
        </div>
        {/* A child's or a parent's name, in any script: लक्ष्मी finds Lakshmi. */}
        <div className="field">
          <label htmlFor="s-name">{t('search.childName')}</label>
          <input id="s-name" value={draft.name} onChange={(e) => set('name', e.target.value)} aria-describedby="s-name-hint" autoComplete="off" />
          <p id="s-name-hint" className="muted small">
            {t('search.anyScript')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="s-guardian">{t('search.guardianName')}</label>
          <input id="s-guardian" value={draft.guardian} onChange={(e) => set('guardian', e.target.value)} autoComplete="off" />
        </div>
        {mode === 'search' && (
          <>
            {!own?.districtCode && <PlacePicker idPrefix="s" value={draft} onChange={(place) => setDraft({ ...draft, ...place })} fixedStateCode={own?.stateCode} />}
            <div className="field">
              <label htmlFor="s-track">{t('search.track')}</label>
              <select id="s-track" value={draft.track} onChange={(e) => set('track', e.target.value)}>
                <option value="">{t('search.any')}</option>
                <option value="CNCP">{t('track.CNCP')}</option>
                <option value="CICL">{t('track.CICL')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="s-phase">{t('search.phase')}</label>
              <Choose id="s-phase" value={draft.phase} onChange={(p) => set('phase', p)} none={t('search.any')} options={CASE_PHASES} label={(p) => tx(`phase.${p}`, p)} />
            </div>
            <div className="field">
              <label htmlFor="s-from">{t('search.from')}</label>
              <input id="s-from" type="date" value={draft.registeredFrom} onChange={(e) => set('registeredFrom', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="s-to">{t('search.to')}</label>
              <input id="s-to" type="date" value={draft.registeredTo} onChange={(e) => set('registeredTo', e.target.value)} />
            </div>
            <div className="field check">
              <input id="s-overdue" type="checkbox" checked={draft.overdue} onChange={(e) => set('overdue', e.target.checked)} />
              <label htmlFor="s-overdue">{t('search.overdue')}</label>
            </div>
          </>
        )}
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
      </form>
      <PagedList pages={pages} empty={t('cases.empty')} label={t('cases.title')}>
        {(c) => <CaseRow key={c.id} c={c} />}
      </PagedList>
    </section>
  );
}
