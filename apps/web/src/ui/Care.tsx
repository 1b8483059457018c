import { useState, type FormEvent } from 'react';
import type { CarePlanAnswer, EFileEntryView } from '@raksha/contracts';
import { hasPermission, type Role } from '@raksha/domain';
import { formatDate, humanize, type MessageKey } from '../lib/i18n.js';
import { Choose, FieldLabel, Show, errorText } from './bits.js';
import { LawNote } from './Law.js';
import { useApp, useLoad } from './context.js';

export function CarePlanSection({ caseId }: { caseId: string }) {
  const { t, tx, lang, api } = useApp();
  const plan = useLoad(() => api.get<CarePlanAnswer>(`/cases/${caseId}/care-plan`), [caseId]);
  return (
    <section className="card" aria-labelledby="icp-h">
      <h2 id="icp-h">{t('icp.title')}</h2>
      <Show loaded={plan}>
        {({ plan: p, nextDue }) => (
          <>
            {nextDue && (
              <p>
                {t('icp.nextDue', { when: formatDate(lang, nextDue.dueAt) })} {Date.parse(nextDue.dueAt) < Date.now() && <strong className="badge overdue-badge">{t('common.overdue')}</strong>}{' '}
                <LawNote id={nextDue.id} fallback={nextDue.citation} />
              </p>
            )}
            {!p ? (
              <p className="muted">{t('icp.none')}</p>
            ) : (
              <>
                <p>{t('icp.ref', { ref: p.icpRef, when: formatDate(lang, p.preparedAt) })}</p>
                <h3>{t('icp.goals')}</h3>
                <ul className="plain">
                  {p.goals.map((g) => (
                    <li key={g.domain + g.goal}>
                      <strong>{tx(`icp.domain.${g.domain}`, humanize(g.domain))}:</strong> {g.goal}
                    </li>
                  ))}
                </ul>
                <h3>{t('icp.reviews')}</h3>
                {p.reviews.length === 0 ? (
                  <p className="muted">{t('icp.noReviews')}</p>
                ) : (
                  <ul className="plain">
                    {p.reviews.map((r) => (
                      <li key={r.at}>
                        {t('icp.review', { when: formatDate(lang, r.at) })}:{' '}
                        {r.progress.map((x) => `${tx(`icp.domain.${x.domain}`, humanize(x.domain))} — ${tx(`option.${x.status}`, humanize(x.status))}`).join('; ')}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </>
        )}
      </Show>
    </section>
  );
}

/** Detail fields of each eFile kind (the API's eFileEntryBody): the first is required. */
const EFILE_KINDS: Record<string, Record<string, string[]>> = {
  MEDICAL: { CHECKUP: ['findings', 'heightCm', 'weightKg', 'by'], IMMUNISATION: ['vaccine', 'dose', 'by'], CONDITION: ['condition', 'treatment', 'note'] },
  EDUCATION: { ENROLMENT: ['school', 'class', 'medium'], CLASS_RESULT: ['class', 'result'], APTITUDE: ['assessment', 'result'], VOCATIONAL: ['course', 'provider'] },
  COUNSELLING: { SESSION: ['counsellor', 'notes', 'followUp'] },
};
const REQUIRED: Record<string, string[]> = {
  CHECKUP: ['findings'],
  IMMUNISATION: ['vaccine'],
  CONDITION: ['condition'],
  ENROLMENT: ['school', 'class'],
  CLASS_RESULT: ['class', 'result'],
  APTITUDE: ['assessment', 'result'],
  VOCATIONAL: ['course'],
  SESSION: ['counsellor', 'notes'],
};
const NUMERIC = new Set(['heightCm', 'weightKg']);

export function EFileSection({ caseId, childName }: { caseId: string; childName?: string | null }) {
  const { t, tx, lang, api, session, online, outbox } = useApp();
  const entries = useLoad(() => api.get<EFileEntryView[]>(`/cases/${caseId}/efile`), [caseId]);
  const [section, setSection] = useState('EDUCATION');
  const [kind, setKind] = useState('ENROLMENT');
  const [occurredOn, setOccurredOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [details, setDetails] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  const mayWrite = hasPermission(session.user.roles as Role[], 'efile:write');
  const fields = EFILE_KINDS[section]?.[kind] ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMsg(undefined);
    const d = Object.fromEntries(
      Object.entries(details)
        .filter(([k, v]) => fields.includes(k) && v.trim() !== '')
        .map(([k, v]) => [k, NUMERIC.has(k) ? Number(v) : v.trim()]),
    );
    if (!online || !navigator.onLine) {
      // kept sealed on the phone and sent once the connection returns ("On this phone" shows it)
      outbox.add({ userId: session.user.id, kind: 'efile', caseId, payload: { section, occurredOn, entry: { kind, details: d } }, ...(childName && { label: childName }) });
      setDetails({});
      return setMsg({ ok: true, text: t('case.queued') });
    }
    try {
      await api.post(`/cases/${caseId}/efile`, { section, occurredOn, entry: { kind, details: d } });
      setDetails({});
      setMsg({ ok: true, text: t('efile.saved') });
      entries.reload();
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, tx) });
    }
  }

  return (
    <section className="card" aria-labelledby="efile-h">
      <h2 id="efile-h">{t('efile.title')}</h2>
      <Show loaded={entries}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('efile.empty')}</p>
          ) : (
            <ul className="plain">
              {list.map((x) => (
                <li key={x.id}>
                  <strong>
                    {t(`efile.section.${x.section}` as MessageKey)} · {t(`efile.kind.${x.kind}` as MessageKey)}
                  </strong>{' '}
                  <span className="muted">{formatDate(lang, x.occurredOn)}</span>
                  <div>
                    {x.details
                      ? Object.entries(x.details)
                          .map(([k, v]) => `${t(`efile.field.${k}` as MessageKey)}: ${String(v)}`)
                          .join(' · ')
                      : t('efile.sealed')}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      {mayWrite && (
        <form onSubmit={submit} className="efile-form">
          <h3>{t('efile.add')}</h3>
          <label htmlFor="efile-section">{t('efile.section')}</label>
          <select
            id="efile-section"
            value={section}
            onChange={(e) => {
              setSection(e.target.value);
              setKind(Object.keys(EFILE_KINDS[e.target.value] ?? {})[0] ?? '');
            }}
          >
            {Object.keys(EFILE_KINDS).map((s) => (
              <option key={s} value={s}>
                {t(`efile.section.${s}` as MessageKey)}
              </option>
            ))}
          </select>
          <label htmlFor="efile-kind">{t('efile.kind')}</label>
          <Choose id="efile-kind" value={kind} onChange={setKind} options={Object.keys(EFILE_KINDS[section] ?? {})} label={(k) => t(`efile.kind.${k}` as MessageKey)} />
          <label htmlFor="efile-date">{t('efile.date')}</label>
          <input id="efile-date" type="date" required value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
          {fields.map((f) => (
            <div key={f} className="field">
              <FieldLabel htmlFor={`efile-${f}`} optional={!REQUIRED[kind]?.includes(f)}>
                {t(`efile.field.${f}` as MessageKey)}
              </FieldLabel>
              <input
                id={`efile-${f}`}
                type={NUMERIC.has(f) ? 'number' : 'text'}
                required={REQUIRED[kind]?.includes(f)}
                value={details[f] ?? ''}
                onChange={(e) => setDetails({ ...details, [f]: e.target.value })}
              />
            </div>
          ))}
          <button type="submit" className="primary">
            {t('common.submit')}
          </button>
          {msg && (
            <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? '' : 'field-error'}>
              {msg.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
