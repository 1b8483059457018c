import { useState, type FormEvent } from 'react';
import type { AdministeredBodyView, BodyView, InvitationView, Page, PersonView, SeatTermView } from '@raksha/contracts';
import { BODY_LEVEL, BODY_TYPES, isTermRole, mayAdministerBody, mayGrantRole, ROLES, roleFitsBody, type BodyType, type Role } from '@raksha/domain';
import { formatDate, humanize } from '../lib/i18n.js';
import { ApiError, problemOf } from '../lib/api.js';
import { FieldError, FieldLabel, Link, PageTitle, Show, useSubmit } from './bits.js';
import { useApp, useLoad } from './context.js';
import { PlacePicker, type Place } from './PlacePicker.js';
import { PartnerClients } from './PartnerClients.js';
import { RetentionSchedule } from './Privacy.js';

/** Kinds with their own code, several to a district (the API requires `code` for these). */
const OWN_CODE: readonly BodyType[] = ['POLICE_STATION', 'BCPC', 'VCPC'];

async function ok<T>(res: { status: number; body: unknown }): Promise<T> {
  if (res.status >= 300) throw new ApiError(res.status, problemOf(res));
  return res.body as T;
}

/** An administrator's page: new bodies of their jurisdiction, and each body's people (invite, deactivate). */
export function Administration() {
  const { t } = useApp();
  const [created, setCreated] = useState(0);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('admin.title')}</PageTitle>
      <p className="muted">{t('admin.intro')}</p>
      <p>
        <Link to="/admin/imports" className="button-link">
          {t('admin.imports')}
        </Link>
      </p>
      <NewBody onCreated={() => setCreated((n) => n + 1)} />
      <TermsEnding />
      <People key={created} />
      <PartnerClients />
      <RetentionSchedule />
    </section>
  );
}

function NewBody({ onCreated }: { onCreated(): void }) {
  const { t, tx, api, session } = useApp();
  const roles = session.user.roles;
  const mine = session.user.body;
  const kinds = BODY_TYPES.filter((k) => k !== 'CCI' && mayAdministerBody(roles, k));
  const [type, setType] = useState<BodyType | ''>('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [place, setPlace] = useState<Place>({ stateCode: mine?.stateCode ?? '', districtCode: mine?.districtCode ?? '' });
  const [done, setDone] = useState<string>();
  const { error, busy, run } = useSubmit();
  const level = type ? BODY_LEVEL[type] : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    await run(async () => {
      const body = {
        type,
        name: name.trim(),
        ...(level === 'STATE' && { stateCode: place.stateCode }),
        ...(level !== 'STATE' && level !== 'NATIONAL' && { districtCode: place.districtCode }),
        ...(code.trim() && { code: code.trim().toUpperCase() }),
      };
      const made = await ok<AdministeredBodyView>(await api.raw('POST', '/bodies', body));
      setDone(t('admin.bodyCreated', { name: made.name }));
      setName('');
      setCode('');
      onCreated();
    });
  }

  if (kinds.length === 0) return null;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-body-h">
      <h2 id="new-body-h">{t('admin.newBody')}</h2>
      <label htmlFor="nb-type">{t('admin.bodyType')}</label>
      <select id="nb-type" required value={type} onChange={(e) => setType(e.target.value as BodyType)}>
        <option value="">{t('form.choose')}</option>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {tx(`bodyType.${k}`, humanize(k))}
          </option>
        ))}
      </select>
      <label htmlFor="nb-name">{t('admin.bodyName')}</label>
      <input id="nb-name" required value={name} onChange={(e) => setName(e.target.value)} />
      {level && level !== 'NATIONAL' && (mine?.level === 'NATIONAL' || (level !== 'STATE' && mine?.level === 'STATE')) && (
        <PlacePicker idPrefix="nb" value={place} onChange={setPlace} fixedStateCode={mine?.level === 'STATE' ? mine.stateCode : undefined} required={level !== 'STATE'} />
      )}
      {type && (
        <>
          <FieldLabel htmlFor="nb-code" optional={!OWN_CODE.includes(type)}>
            {t('admin.code')}
          </FieldLabel>
          <input id="nb-code" autoCapitalize="characters" value={code} aria-describedby="nb-code-hint" onChange={(e) => setCode(e.target.value)} />
          <p id="nb-code-hint" className="muted small">
            {t(OWN_CODE.includes(type) ? 'admin.codeOwn' : 'admin.codeSuffix')}
          </p>
        </>
      )}
      <FieldError error={error} />
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary" disabled={busy || !type}>
        {t('admin.create')}
      </button>
    </form>
  );
}

/** CWC / JJB members of the administrator's jurisdiction whose term has ended or ends within 60 days: renew them in time. */
function TermsEnding() {
  const { t, tx, lang, api } = useApp();
  // Seats of the bodies' rosters (the Registries' Bodies page keeps them): one term, one place.
  const ending = useLoad(() => api.get<SeatTermView[]>('/people/terms-ending'), []);
  return (
    <Show loaded={ending}>
      {(seats) =>
        seats.length === 0 ? null : (
          <section className="card" aria-labelledby="terms-ending-h">
            <h2 id="terms-ending-h">{t('admin.termsEnding')}</h2>
            <ul className="plain" data-testid="terms-ending">
              {seats.map((s) => (
                <li key={s.id}>
                  {t('admin.termEnds', { name: `${s.name} (${tx(`bodies.designation.${s.designation}`, humanize(s.designation))})`, body: s.bodyName, until: formatDate(lang, s.until) })}{' '}
                  <strong className="badge overdue-badge">{t(`admin.termStatus.${s.status}`)}</strong>
                </li>
              ))}
            </ul>
          </section>
        )
      }
    </Show>
  );
}

function People() {
  const { t, tx, api } = useApp();
  const bodies = useLoad(async () => (await api.get<Page<BodyView>>('/bodies?limit=100')).items, []);
  const [bodyId, setBodyId] = useState('');
  return (
    <section className="card" aria-labelledby="people-h">
      <h2 id="people-h">{t('admin.people')}</h2>
      <Show loaded={bodies}>
        {(items) => (
          <>
            <label htmlFor="people-body">{t('admin.body')}</label>
            <select id="people-body" value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
              <option value="">{t('form.choose')}</option>
              {items.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({tx(`bodyType.${b.type}`, humanize(b.type))})
                </option>
              ))}
            </select>
            {bodyId && <BodyPeople key={bodyId} body={items.find((b) => b.id === bodyId)!} />}
          </>
        )}
      </Show>
    </section>
  );
}

function BodyPeople({ body }: { body: BodyView }) {
  const { t, api, session } = useApp();
  const [version, setVersion] = useState(0);
  const people = useLoad(() => api.get<PersonView[]>(`/people?bodyId=${encodeURIComponent(body.id)}`), [body.id, version]);
  const grantable = ROLES.filter((r): r is Role => mayGrantRole(session.user.roles, r) && roleFitsBody(r, body.type as BodyType));
  const [form, setForm] = useState({ email: '', mobile: '', displayName: '', role: grantable[0] ?? '', termFrom: '', termUntil: '' });
  const needsTerm = form.role !== '' && isTermRole(form.role);
  const [done, setDone] = useState<string>();
  const invite = useSubmit();
  const remove = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    await invite.run(async () => {
      const sent = await ok<InvitationView>(
        await api.raw('POST', '/people/invitations', {
          email: form.email.trim(),
          displayName: form.displayName.trim(),
          bodyId: body.id,
          role: form.role,
          ...(form.mobile.trim() && { mobile: form.mobile.trim() }),
          ...(needsTerm && { term: { from: form.termFrom, until: form.termUntil } }),
        }),
      );
      setDone(t('admin.invited', { email: sent.person.email ?? '' }));
      setForm({ ...form, email: '', mobile: '', displayName: '', termFrom: '', termUntil: '' });
      setVersion((v) => v + 1);
    });
  }
  const resetSecondStep = (p: PersonView) =>
    remove.run(async () => {
      await ok<PersonView>(await api.raw('POST', `/people/${p.id}/mfa/reset`, {}));
      setVersion((v) => v + 1);
    });
  const deactivate = (p: PersonView) =>
    remove.run(async () => {
      await ok<PersonView>(await api.raw('POST', `/people/${p.id}/deactivate`, {}));
      setVersion((v) => v + 1);
    });

  return (
    <>
      <Show loaded={people}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <ul className="plain" data-testid="people">
              {list.map((p) => (
                <li key={p.id}>
                  <strong>{p.displayName}</strong> · {p.roles.map((r) => t(`role.${r}` as never)).join(', ')} · {p.email} · {t(`admin.status.${p.status}`)}{' '}
                  {p.roles.some(isTermRole) && <MemberTerm person={p} onSaved={() => setVersion((v) => v + 1)} />}
                  <Link to={`/access-log/people/${p.id}`}>{t('admin.whatTheyRead')}</Link>{' '}
                  {p.status !== 'DEACTIVATED' && (
                    <button type="button" disabled={remove.busy} onClick={() => void deactivate(p)}>
                      {t('admin.deactivate')}
                    </button>
                  )}{' '}
                  {p.status === 'ACTIVE' && p.secondStep && (
                    <button type="button" disabled={remove.busy} onClick={() => void resetSecondStep(p)}>
                      {t('admin.resetSecondStep')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <FieldError error={remove.error} />
      {grantable.length > 0 && (
        <form onSubmit={submit} noValidate aria-labelledby="invite-h">
          <h3 id="invite-h">{t('admin.invite')}</h3>
          <label htmlFor="inv-name">{t('admin.personName')}</label>
          <input id="inv-name" required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          <label htmlFor="inv-email">{t('account.email')}</label>
          <input id="inv-email" type="email" autoCapitalize="none" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          <FieldLabel htmlFor="inv-mobile" optional>
            {t('admin.mobile')}
          </FieldLabel>
          <input id="inv-mobile" type="tel" value={form.mobile} onChange={(e) => setForm({ ...form, mobile: e.target.value })} />
          <label htmlFor="inv-role">{t('admin.role')}</label>
          <select id="inv-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {grantable.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as never)}
              </option>
            ))}
          </select>
          {needsTerm && (
            <>
              <label htmlFor="inv-term-from">{t('admin.termFrom')}</label>
              <input id="inv-term-from" type="date" required value={form.termFrom} onChange={(e) => setForm({ ...form, termFrom: e.target.value })} />
              <label htmlFor="inv-term-until">{t('admin.termUntil')}</label>
              <input id="inv-term-until" type="date" required value={form.termUntil} onChange={(e) => setForm({ ...form, termUntil: e.target.value })} />
            </>
          )}
          <FieldError error={invite.error} />
          {done && <p role="status">{done}</p>}
          <button type="submit" className="primary" disabled={invite.busy}>
            {t('admin.sendInvitation')}
          </button>
        </form>
      )}
    </>
  );
}

/** A CWC / JJB member's term of office in plain dates, whether it is in force, and a form to record a renewed one. */
function MemberTerm({ person, onSaved }: { person: PersonView; onSaved(): void }) {
  const { t, tx, lang, api } = useApp();
  const term = person.term;
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(term?.from ?? '');
  const [until, setUntil] = useState(term?.until ?? '');
  const [done, setDone] = useState<string>();
  const save = useSubmit();
  const id = `term-${person.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save.run(async () => {
      await ok<PersonView>(await api.raw('PUT', `/people/${person.id}/term`, { from, until }));
      setDone(t('admin.termSaved', { name: person.displayName }));
      setOpen(false);
      onSaved();
    });
  }

  return (
    <span data-testid="member-term">
      ·{' '}
      {term ? (
        <>
          {tx(`bodies.designation.${term.designation}`, humanize(term.designation))}: {t('admin.term', { from: formatDate(lang, term.from), until: formatDate(lang, term.until) })}{' '}
          <strong className={term.status === 'CURRENT' ? 'badge' : 'badge overdue-badge'}>{t(`admin.termStatus.${term.status}`)}</strong>
        </>
      ) : (
        <strong className="badge overdue-badge">{t('admin.termNone')}</strong>
      )}{' '}
      {done && <span role="status">{done}</span>}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('admin.renewTerm')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('admin.renewTerm')}>
          <label htmlFor={`${id}-from`}>{t('admin.termFrom')}</label>
          <input id={`${id}-from`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor={`${id}-until`}>{t('admin.termUntil')}</label>
          <input id={`${id}-until`} type="date" required value={until} onChange={(e) => setUntil(e.target.value)} />
          <FieldError error={save.error} />
          <button type="submit" className="primary" disabled={save.busy}>
            {t('admin.saveTerm')}
          </button>
        </form>
      )}
    </span>
  );
}
