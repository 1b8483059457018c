import { useState, type FormEvent } from 'react';
import { type BodyView, type InstitutionView, MEMBER_SEATS, type MemberView, type OccupancyView, type Page, type RegistrationView, type RegistryHistoryEntry, WEEKDAYS } from '@raksha/contracts';
import { AGE_BANDS, CAPACITY_GENDERS, INSTITUTION_KINDS, INSTITUTION_MANAGEMENT } from '@raksha/domain';
import { formatDate, formatDateTime, humanize } from '../lib/i18n.js';
import { Choose, ColumnHeads, FactRows, FieldError, FieldLabel, Link, PageTitle, PagedList, Show, errorText, useSubmit } from './bits.js';
import { useApp, useLoad, usePages } from './context.js';
import { PlacePicker, type Place } from './PlacePicker.js';
import { ApiError, problemOf } from '../lib/api.js';

/** A member as the form edits them: the member's view without its id. */
type MemberDraft = Omit<MemberView, 'id'>;
/** The designations of a body's seats, in the order its roster lists them. */
const designationsOf = (type: string): string[] => Object.keys(MEMBER_SEATS[type as keyof typeof MEMBER_SEATS] ?? {});

function RegStatus({ r }: { r: RegistrationView }) {
  const { t, lang } = useApp();
  return (
    <span>
      <span className={`badge status-${r.status.toLowerCase()}`}>{t(`reg.status.${r.status}`)}</span>
      {r.until && <span className="muted small"> {t('reg.until', { when: formatDate(lang, r.until) })}</span>}
    </span>
  );
}

function OccupancyCell({ id }: { id: string }) {
  const { t, api } = useApp();
  const occ = useLoad(() => api.get<OccupancyView>(`/institutions/${encodeURIComponent(id)}/occupancy`), [id]);
  if (!occ.data) return <span className="muted small">{occ.error ? '—' : t('common.loading')}</span>;
  const { occupied, sanctioned } = occ.data.total;
  return <Meter occupied={occupied} sanctioned={sanctioned} />;
}

function Meter({ occupied, sanctioned }: { occupied: number; sanctioned: number }) {
  const { t } = useApp();
  const pct = sanctioned > 0 ? Math.min(100, Math.round((occupied / sanctioned) * 100)) : occupied > 0 ? 100 : 0;
  return (
    <span>
      <span className="small">{t('inst.occupancy', { occupied, sanctioned })}</span>
      <span className={occupied > sanctioned ? 'meter over' : 'meter'} aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}

/** Institutions of the jurisdiction with their registration and occupancy. */
export function InstitutionList() {
  const { t, tx, api } = useApp();
  const [kind, setKind] = useState('');
  const [expiring, setExpiring] = useState(false);
  const pages = usePages((cursor) => {
    const q = new URLSearchParams({ limit: '25' });
    if (kind) q.set('kind', kind);
    if (expiring) q.set('registrationExpiringBefore', new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    if (cursor) q.set('cursor', cursor);
    return api.get<Page<InstitutionView>>(`/institutions?${q.toString()}`);
  }, [kind, expiring]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('inst.title')}</PageTitle>
      <div className="row actions-row">
        <Link to="/registry/new" className="button-link">
          {t('inst.new')}
        </Link>
        <Link to="/registry/import" className="button-link">
          {t('imp.title')}
        </Link>
        <Link to="/registry/bodies">{t('bodies.title')}</Link>
      </div>
      <div className="card filters">
        <div>
          <label htmlFor="inst-kind">{t('inst.kind')}</label>
          <Choose id="inst-kind" value={kind} onChange={setKind} none={t('rep.any')} options={INSTITUTION_KINDS} label={(k) => tx(`inst.kind.${k}`, humanize(k))} />
        </div>
        <div className="check">
          <input
            id="inst-expiring"
            type="checkbox"
            checked={expiring}
            onChange={(e) => setExpiring(e.target.checked)}
          />
          <label htmlFor="inst-expiring">{t('inst.expiringOnly')}</label>
        </div>
      </div>
      <PagedList pages={pages} empty={t('inst.empty')}>
        {(i) => (
          <li key={i.id} className="card case-row" data-testid="institution">
            <Link to={`/registry/institutions/${i.id}`} className="case-link">
              <span className="child">{i.name}</span>
            </Link>
            <span className="meta">
              {tx(`inst.kind.${i.kind}`, humanize(i.kind))} · {tx(`inst.management.${i.management}`, humanize(i.management))} · {i.districtCode}
            </span>
            <RegStatus r={i.registration} />
            <OccupancyCell id={i.id} />
          </li>
        )}
      </PagedList>
    </section>
  );
}

/** One institution: capacity against occupancy, registration, infrastructure, its history, and the edit form. */
export function InstitutionPage({ id }: { id: string }) {
  const { t, tx, lang, api } = useApp();
  const inst = useLoad(() => api.get<InstitutionView>(`/institutions/${encodeURIComponent(id)}`), [id]);
  const occ = useLoad(() => api.get<OccupancyView>(`/institutions/${encodeURIComponent(id)}/occupancy`), [id]);
  const history = useLoad(() => api.get<RegistryHistoryEntry[]>(`/institutions/${encodeURIComponent(id)}/history`), [id]);
  const [editing, setEditing] = useState(false);
  return (
    <Show loaded={inst}>
      {(i) => (
        <section aria-labelledby="page-title">
          <PageTitle>{i.name}</PageTitle>
          <div className="card summary">
            <dl>
              <FactRows
                rows={[
                  ['inst.id', i.id],
                  ['inst.kind', tx(`inst.kind.${i.kind}`, humanize(i.kind))],
                  ['inst.management', tx(`inst.management.${i.management}`, humanize(i.management))],
                  ['register.district', i.districtCode],
                  ['inst.address', i.address],
                  ['inst.phone', i.phone],
                  ['reg.no', i.registration.no],
                  ['reg.from', i.registration.from && formatDate(lang, i.registration.from)],
                  ['reg.title', <RegStatus r={i.registration} />],
                ]}
              />
            </dl>
          </div>
          <section className="card" aria-labelledby="cap-h">
            <h2 id="cap-h">{t('inst.capacity')}</h2>
            <Show loaded={occ}>
              {(o) => (
                <>
                  <Meter occupied={o.total.occupied} sanctioned={o.total.sanctioned} />
                  <div className="table-wrap">
                    <table className="data">
                      <ColumnHeads columns={[t('inst.gender'), t('inst.ageBand'), t('inst.sanctioned'), t('inst.occupied')]} />
                      <tbody>
                        {o.rows.map((r) => (
                          <tr key={r.gender + r.ageBand} className={r.occupied > r.sanctioned ? 'overdue' : ''}>
                            <td>{t(`register.gender.${r.gender as 'MALE'}`)}</td>
                            <td>{r.ageBand}</td>
                            <td>{r.sanctioned}</td>
                            <td>{r.occupied}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
            </Show>
          </section>
          {Object.keys(i.infrastructure).length > 0 && (
            <section className="card" aria-labelledby="infra-h">
              <h2 id="infra-h">{t('inst.infrastructure')}</h2>
              <ul className="plain">
                {Object.entries(i.infrastructure).map(([k, v]) => (
                  <li key={k}>
                    {v ? '✓' : '✗'} {tx(`infra.${k}`, humanize(k))}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {editing ? (
            <InstitutionForm
              existing={i}
              onSaved={() => {
                setEditing(false);
                inst.reload();
                history.reload();
              }}
            />
          ) : (
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {t('inst.edit')}
            </button>
          )}
          <section className="card" aria-labelledby="hist-h">
            <h2 id="hist-h">{t('inst.history')}</h2>
            <Show loaded={history}>
              {(h) => (
                <ol className="plain">
                  {h.map((e) => (
                    <li key={e.position}>
                      <strong>{tx(`history.${e.action}`, humanize(e.action))}</strong> · {formatDateTime(lang, e.at)} · {e.actor.role ? tx(`role.${e.actor.role}`, e.actor.role) : '—'}
                      <div className="small muted">{changedFields(e.before, e.after).join(', ')}</div>
                    </li>
                  ))}
                </ol>
              )}
            </Show>
          </section>
        </section>
      )}
    </Show>
  );
}

function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Registers an institution, or changes one with If-Match: a change someone else made first is shown, not overwritten. */
export function InstitutionForm({ existing, onSaved }: { existing?: InstitutionView; onSaved?(): void }) {
  const { t, tx, api, session, navigate } = useApp();
  const [name, setName] = useState(existing?.name ?? '');
  const own = session.user.body;
  const [place, setPlace] = useState<Place>({ stateCode: own?.stateCode ?? '', districtCode: existing?.districtCode ?? own?.districtCode ?? '' });
  const [kind, setKind] = useState(existing?.kind ?? 'CHILDRENS_HOME');
  const [management, setManagement] = useState(existing?.management ?? 'GOVERNMENT');
  const [regNo, setRegNo] = useState(existing?.registration.no ?? '');
  const [regFrom, setRegFrom] = useState(existing?.registration.from?.slice(0, 10) ?? '');
  const [regUntil, setRegUntil] = useState(existing?.registration.until?.slice(0, 10) ?? '');
  const [address, setAddress] = useState(existing?.address ?? '');
  const [phone, setPhone] = useState(existing?.phone ?? '');
  const [caps, setCaps] = useState<Record<string, string>>(() => Object.fromEntries((existing?.capacities ?? []).map((c) => [`${c.gender} ${c.ageBand}`, String(c.sanctioned)])));
  const { error, setError, busy, run } = useSubmit();
  const [conflict, setConflict] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setConflict(false);
    const hasReg = regNo.trim() || regFrom || regUntil;
    if (hasReg && !(regNo.trim() && regFrom && regUntil)) return setError(t('inst.regAllThree'));
    const capacities = Object.entries(caps)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => {
        const [gender, ageBand] = k.split(' ');
        return { gender, ageBand, sanctioned: Number(v) };
      });
    const body = {
      name: name.trim(),
      kind,
      management,
      registration: hasReg ? { no: regNo.trim(), from: regFrom, until: regUntil } : null,
      address: address.trim() || null,
      phone: phone.trim() || null,
      capacities,
    };
    await run(async () => {
      if (existing) {
        const res = await api.raw('PATCH', `/institutions/${encodeURIComponent(existing.id)}`, body, { 'If-Match': `"${existing.version}"` });
        if (res.status === 409) {
          setConflict(true);
          return;
        }
        if (res.status >= 300) throw new ApiError(res.status, problemOf(res));
        onSaved?.();
      } else {
        const created = await api.post<InstitutionView>('/institutions', { ...body, districtCode: place.districtCode });
        navigate(`/registry/institutions/${created.id}`);
      }
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="inst-form-h">
      <h2 id="inst-form-h">{t(existing ? 'inst.edit' : 'inst.new')}</h2>
      <label htmlFor="if-name">{t('inst.name')}</label>
      <input id="if-name" required value={name} onChange={(e) => setName(e.target.value)} />
      {!existing && (
        <PlacePicker idPrefix="if" value={place} onChange={setPlace} fixedStateCode={own?.stateCode} required />
      )}
      <label htmlFor="if-kind">{t('inst.kind')}</label>
      <Choose id="if-kind" value={kind} onChange={setKind} options={INSTITUTION_KINDS} label={(k) => tx(`inst.kind.${k}`, humanize(k))} />
      <label htmlFor="if-mgmt">{t('inst.management')}</label>
      <Choose id="if-mgmt" value={management} onChange={setManagement} options={INSTITUTION_MANAGEMENT} label={(k) => tx(`inst.management.${k}`, humanize(k))} />
      <fieldset>
        <legend>{t('reg.title')}</legend>
        <FieldLabel htmlFor="if-regno" optional>{t('reg.no')}</FieldLabel>
        <input id="if-regno" value={regNo} onChange={(e) => setRegNo(e.target.value)} />
        <div className="pair">
          <div>
            <label htmlFor="if-regfrom">{t('reg.from')}</label>
            <input id="if-regfrom" type="date" value={regFrom} onChange={(e) => setRegFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="if-reguntil">{t('reg.untilLabel')}</label>
            <input id="if-reguntil" type="date" value={regUntil} onChange={(e) => setRegUntil(e.target.value)} />
          </div>
        </div>
      </fieldset>
      <FieldLabel htmlFor="if-address" optional>{t('inst.address')}</FieldLabel>
      <input id="if-address" value={address} onChange={(e) => setAddress(e.target.value)} />
      <FieldLabel htmlFor="if-phone" optional>{t('inst.phone')}</FieldLabel>
      <input id="if-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      <fieldset>
        <legend>{t('inst.sanctionedPlaces')}</legend>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('inst.ageBand')}</th>
                {CAPACITY_GENDERS.map((g) => (
                  <th key={g} scope="col">
                    {t(`register.gender.${g}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {AGE_BANDS.map((b) => (
                <tr key={b}>
                  <th scope="row">{b}</th>
                  {CAPACITY_GENDERS.map((g) => (
                    <td key={g}>
                      <input
                        type="number"
                        inputMode="numeric"
                        min={0}
                        aria-label={t('inst.capFor', { gender: t(`register.gender.${g}`), band: b })}
                        value={caps[`${g} ${b}`] ?? ''}
                        onChange={(e) => setCaps({ ...caps, [`${g} ${b}`]: e.target.value })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      {conflict && (
        <div role="alert" className="notice error">
          <p>{t('inst.conflict')}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {t('inst.reloadLatest')}
          </button>
        </div>
      )}
      <FieldError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('inst.save')}
      </button>
    </form>
  );
}

export function NewInstitution() {
  const { t } = useApp();
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('inst.new')}</PageTitle>
      <InstitutionForm />
    </section>
  );
}

/** CWCs and JJBs of the jurisdiction: members and sitting days. */
export function Bodies() {
  const { t, api } = useApp();
  const list = useLoad(async () => {
    const [cwc, jjb] = await Promise.all([api.get<Page<BodyView>>('/bodies?type=CWC'), api.get<Page<BodyView>>('/bodies?type=JJB')]);
    return [...cwc.items, ...jjb.items];
  }, []);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('bodies.title')}</PageTitle>
      <Show loaded={list}>{(items) => (items.length === 0 ? <p>{t('common.none')}</p> : items.map((b) => <BodyCard key={b.id} initial={b} />))}</Show>
    </section>
  );
}

function BodyCard({ initial }: { initial: BodyView }) {
  const { t, tx, api } = useApp();
  const [b, setB] = useState(initial);
  const [members, setMembers] = useState<MemberDraft[]>(initial.members.map((m) => ({ name: m.name, designation: m.designation, termFrom: m.termFrom.slice(0, 10), termTo: m.termTo?.slice(0, 10) ?? '' })));
  const [days, setDays] = useState<string[]>(initial.sittingDays);
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  const designations = designationsOf(b.type);
  const p = `b-${b.id}`;

  async function put(path: string, body: unknown) {
    setMsg(undefined);
    const res = await api.raw('PUT', `/bodies/${encodeURIComponent(b.id)}/${path}`, body, { 'If-Match': `"${b.version}"` });
    if (res.status === 409) return setMsg({ ok: false, text: t('inst.conflict') });
    if (res.status >= 300) return setMsg({ ok: false, text: errorText(new ApiError(res.status, problemOf(res)), tx) });
    setB(res.body as BodyView);
    setMsg({ ok: true, text: t('bodies.saved') });
  }
  const saveMembers = () =>
    put('members', { members: members.filter((m) => m.name.trim()).map((m) => ({ name: m.name.trim(), designation: m.designation, termFrom: m.termFrom, ...(m.termTo && { termTo: m.termTo }) })) });

  return (
    <section className="card" aria-labelledby={`${p}-h`} data-testid="body">
      <h2 id={`${p}-h`}>{b.name}</h2>
      <h3>{t('bodies.members')}</h3>
      {members.map((m, i) => (
        <fieldset key={i}>
          <legend>{t('bodies.member', { n: i + 1 })}</legend>
          <label htmlFor={`${p}-m${i}-name`}>{t('child.name')}</label>
          <input id={`${p}-m${i}-name`} value={m.name} onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
          <label htmlFor={`${p}-m${i}-des`}>{t('bodies.designation')}</label>
          <select id={`${p}-m${i}-des`} value={m.designation} onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, designation: e.target.value } : x)))}>
            {designations.map((d) => (
              <option key={d} value={d}>
                {tx(`bodies.designation.${d}`, humanize(d))}
              </option>
            ))}
          </select>
          <div className="pair">
            <div>
              <label htmlFor={`${p}-m${i}-from`}>{t('bodies.termFrom')}</label>
              <input id={`${p}-m${i}-from`} type="date" value={m.termFrom} onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, termFrom: e.target.value } : x)))} />
            </div>
            <div>
              <label htmlFor={`${p}-m${i}-to`}>{t('bodies.termTo')}</label>
              <input id={`${p}-m${i}-to`} type="date" value={m.termTo ?? ''} onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, termTo: e.target.value } : x)))} />
            </div>
          </div>
          <button type="button" className="link" onClick={() => setMembers(members.filter((_, j) => j !== i))}>
            {t('bodies.remove')}
          </button>
        </fieldset>
      ))}
      <div className="row">
        <button type="button" onClick={() => setMembers([...members, { name: '', designation: designations[designations.length - 1] ?? 'MEMBER', termFrom: new Date().toISOString().slice(0, 10), termTo: '' }])}>
          {t('bodies.add')}
        </button>
        <button type="button" className="primary" onClick={() => void saveMembers()}>
          {t('bodies.saveMembers')}
        </button>
      </div>
      <fieldset>
        <legend>{t('bodies.sittingDays')}</legend>
        {WEEKDAYS.map((d) => (
          <div key={d} className="check">
            <input id={`${p}-d-${d}`} type="checkbox" checked={days.includes(d)} onChange={(e) => setDays(e.target.checked ? WEEKDAYS.filter((x) => x === d || days.includes(x)) : days.filter((x) => x !== d))} />
            <label htmlFor={`${p}-d-${d}`}>{t(`day.${d}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="button" className="primary" onClick={() => void put('sitting-days', { sittingDays: days })}>
        {t('bodies.saveDays')}
      </button>
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? '' : 'field-error'}>
          {msg.text}
        </p>
      )}
    </section>
  );
}
