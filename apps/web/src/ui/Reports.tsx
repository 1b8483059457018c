import { useEffect, useRef, useState, type FormEvent } from 'react';
import { hasPermission, hasRoleIn, needsChildsName, PRIVACY_NOTICE_VERSION, type Role } from '@raksha/domain';
import { type CandidateDecision, type CandidatePage, CHILD_GENDERS, type ChildDescription, type LikelyDuplicate, type LikelyDuplicates as Duplicates, CLOSE_REASONS, COMPLEXION_VALUES, type MatchCandidateView, REPORT_KINDS, REPORT_STATUSES, type ReportPage, type ReportView } from '@raksha/contracts';
import { ApiError } from '../lib/api.js';
import { formatDate, formatDateTime, humanize, isMessageKey, type MessageKey } from '../lib/i18n.js';
import {
  base64OfDataUrl,
  bearingOf,
  byWeight,
  checkPhoto,
  childOf,
  istDateTime,
  nowInIndia,
  percent,
  reasonValues,
  type ChildFormValues,
} from '../lib/reports.js';
import { Choose, ColumnHeads, ConfirmStep, FactRows, FieldError, FieldLabel, Link, PageTitle, PagedList, Show, errorText, useSubmit, WithOwnWords } from './bits.js';
import { useApp, useLoad, usePages } from './context.js';
import { LocalPlacePicker, type LocalPlaces, PlacePicker, PlaceWords, type Place } from './PlacePicker.js';
import { LikelyDuplicates } from './Duplicates.js';
import { OwnReportData, PrivacyNotice } from './Privacy.js';

const CANDIDATES_PER_PAGE = 10;

function useWho() {
  const { session } = useApp();
  const roles = session.user.roles as Role[];
  return {
    roles,
    citizen: roles.includes('CITIZEN' as Role),
    police: hasRoleIn(roles, 'police'),
    may: (p: Parameters<typeof hasPermission>[1]) => hasPermission(roles, p),
  };
}

/** The list: police, CWC and DCPU see their jurisdiction's reports; a citizen their own. */
export function ReportList() {
  const { t, api } = useApp();
  const who = useWho();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const pages = usePages((cursor) => {
    const q = new URLSearchParams(query);
    if (cursor) q.set('cursor', cursor);
    return api.get<ReportPage>(`/reports?${q.toString()}`);
  }, [query]);

  function search(e: FormEvent) {
    e.preventDefault();
    const q = new URLSearchParams();
    if (kind) q.set('kind', kind);
    if (status) q.set('status', status);
    if (name.trim()) q.set('name', name.trim());
    setQuery(q.toString());
  }

  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t(who.citizen ? 'rep.mine' : 'rep.title')}</PageTitle>
      <p className="muted">{t(who.citizen ? 'rep.mineIntro' : 'rep.intro')}</p>
      <div className="row actions-row">
        {who.may('report:missing') && (
          <Link to="/reports/new/missing" className="button-link">
            {t('rep.fileMissing')}
          </Link>
        )}
        {who.may('report:found') && (
          <Link to="/reports/new/found" className="button-link">
            {t(who.citizen ? 'rep.fileSighting' : 'rep.fileFound')}
          </Link>
        )}
        {who.citizen && <Link to="/verify">{t('verify.title')}</Link>}
        {who.citizen && <Link to="/privacy">{t('privacy.title')}</Link>}
      </div>
      <form className="card filters" onSubmit={search} role="search">
        <div>
          <label htmlFor="rf-name">{t('rep.searchName')}</label>
          <input id="rf-name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="rf-name-hint" />
          <p id="rf-name-hint" className="muted small">
            {t('rep.searchNameHint')}
          </p>
        </div>
        <div>
          <label htmlFor="rf-kind">{t('rep.kind')}</label>
          <Choose id="rf-kind" value={kind} onChange={setKind} none={t('rep.any')} options={REPORT_KINDS} label={(k) => t(`rep.kind.${k}`)} />
        </div>
        <div>
          <label htmlFor="rf-status">{t('rep.status')}</label>
          <Choose id="rf-status" value={status} onChange={setStatus} none={t('rep.any')} options={REPORT_STATUSES} label={(s) => t(`rep.status.${s}`)} />
        </div>
        <button type="submit" className="primary">
          {t('rep.search')}
        </button>
      </form>
      <PagedList pages={pages} empty={t('rep.empty')}>
        {(r) => <ReportRow key={r.id} r={r} />}
      </PagedList>
    </section>
  );
}

function ReportRow({ r }: { r: ReportView }) {
  const { t, lang, session } = useApp();
  // a monitor's lists carry no child's name (JJ Act s.74): the link says what it opens, not that no name was given
  const label = r.child.name ?? (needsChildsName(session.user.roles) ? t('common.unnamed') : t('rep.read'));
  return (
    <li className={`card case-row report-${r.kind.toLowerCase()}`} data-testid="report">
      <div className="row">
        <span className="badge">{t(`rep.kind.${r.kind}`)}</span>
        <StatusBadge status={r.status} />
      </div>
      <Link to={`/reports/${r.id}`} className="case-link">
        <span className="child">{label}</span>
      </Link>
      <span className="meta">
        {describeBrief(t, r.child)} · <PlaceWords text={r.place.text} districtCode={r.place.districtCode} />
      </span>
      <span className="meta">
        {t(r.kind === 'MISSING' ? 'rep.lastSeen' : 'rep.foundOn', { when: formatDateTime(lang, r.occurredAt) })}
        {r.policeRef && ` · ${t('rep.policeRefIs', { ref: r.policeRef })}`}
      </span>
    </li>
  );
}

function StatusBadge({ status }: { status: ReportView['status'] }) {
  const { t } = useApp();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(`rep.status.${status}`)}</span>;
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;
function describeBrief(t: T, c: ChildDescription): string {
  const parts = [t(`register.gender.${c.gender}`)];
  if (c.ageYears) parts.push(c.ageYears.min === c.ageYears.max ? t('child.ageIs', { age: c.ageYears.min }) : t('child.ageRange', { min: c.ageYears.min, max: c.ageYears.max }));
  return parts.join(', ');
}

function ChildDetails({ c }: { c: ChildDescription }) {
  const { t, lang } = useApp();
  const range = (r: { min: number; max: number } | undefined, unit: string) => (r ? (r.min === r.max ? `${r.min} ${unit}` : `${r.min}–${r.max} ${unit}`) : undefined);
  const rows: [MessageKey, string | undefined][] = [
    ['child.name', c.name],
    ['child.aliases', c.aliases?.join(', ')],
    ['child.guardians', c.guardians?.map((g) => `${g.name} (${t(`child.relation.${g.relation}`)})`).join(', ')],
    ['child.gender', t(`register.gender.${c.gender}`)],
    ['child.age', range(c.ageYears, t('child.years'))],
    ['child.dob', c.dateOfBirth && formatDate(lang, c.dateOfBirth)],
    ['child.height', range(c.heightCm, 'cm')],
    ['child.complexion', c.complexion && t(`child.complexion.${c.complexion}` as MessageKey)],
    ['child.marks', c.identifyingMarks],
    ['child.languages', c.languages?.join(', ')],
    ['child.clothing', c.clothing],
  ];
  return (
    <dl>
      <FactRows rows={rows} />
    </dl>
  );
}

/** A missing report (police with the missing diary / FIR no.; a citizen's waits for a station) or a found one. */
export function ReportForm({ kind }: { kind: 'MISSING' | 'FOUND' }) {
  const { t, lang, api, session, online, navigate, outbox } = useApp();
  const who = useWho();
  const [v, setV] = useState<ChildFormValues>({ gender: '' });
  const [when, setWhen] = useState(nowInIndia);
  const own = session.user.body;
  const [where, setWhere] = useState<Place>({ stateCode: own?.stateCode ?? '', districtCode: own?.districtCode ?? '' });
  const noLocal: LocalPlaces = { thanaCode: '', blockCode: '', villageCode: '' };
  const [local, setLocal] = useState<LocalPlaces>(noLocal);
  const [placeText, setPlaceText] = useState('');
  const [policeRef, setPoliceRef] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [photo, setPhoto] = useState<{ contentType: string; base64: string }>();
  const [photoError, setPhotoError] = useState<string>();
  const { error, setError, busy, run } = useSubmit();
  const [needsVerify, setNeedsVerify] = useState(false);
  // the field the form's own checks found wanting, marked for correction; and how many times it was sent, so that
  // each sending with something to correct moves the focus to it again
  const [wanting, setWanting] = useState<'policeRef' | 'gender' | 'photo' | 'acknowledged'>();
  const [attempt, setAttempt] = useState(0);
  // DPDP Act s.5: a citizen reads the privacy notice and says so before filing; the report carries the acknowledgement
  const [acknowledged, setAcknowledged] = useState(false);
  // the same child possibly reported already, shown before saving; null: not asked yet for these details
  const [duplicates, setDuplicates] = useState<LikelyDuplicate[] | null>(null);
  const setField = (k: keyof ChildFormValues) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const set = (k: keyof ChildFormValues) => (e: { target: { value: string } }) => setField(k)(e.target.value);

  function choosePhoto(file: File | undefined) {
    setPhoto(undefined);
    setPhotoError(undefined);
    if (!file) return;
    const check = checkPhoto(file);
    if (!check.ok) {
      setPhotoError(check.reason === 'size' ? t('rep.photoTooLarge', { kb: Math.ceil(file.size / 1000) }) : t('rep.photoType'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setPhoto({ contentType: file.type, base64: base64OfDataUrl(String(reader.result)) });
    reader.onerror = () => setPhotoError(t('rep.photoUnreadable'));
    reader.readAsDataURL(file);
  }

  async function submit(e?: FormEvent, anyway = false) {
    e?.preventDefault();
    setNeedsVerify(false);
    setAttempt((n) => n + 1);
    const wants = (field: typeof wanting, message: string) => {
      setWanting(field);
      setError(message);
    };
    // in the order the fields stand in the form
    if (kind === 'MISSING' && !who.citizen && !policeRef.trim()) return wants('policeRef', t('rep.policeRefRequired'));
    if (!v.gender) return wants('gender', t('rep.genderRequired'));
    if (photoError) return wants('photo', photoError);
    if (who.citizen && !acknowledged) return wants('acknowledged', t('privacy.mustAcknowledge'));
    setWanting(undefined);
    await run(async () => {
      const place = {
        districtCode: where.districtCode,
        ...(local.thanaCode && { thanaCode: local.thanaCode }),
        ...(local.blockCode && { blockCode: local.blockCode }),
        ...(local.villageCode && { villageCode: local.villageCode }),
        ...(placeText.trim() && { text: placeText.trim() }),
      };
      const privacyNotice = who.citizen ? { privacyNotice: { version: PRIVACY_NOTICE_VERSION, language: lang } } : {};
      const body =
        kind === 'MISSING'
          ? { child: childOf(v), lastSeenAt: istDateTime(when), place, ...(!who.citizen && { policeRef: policeRef.trim() }), ...(photo && { photo }), ...privacyNotice }
          : { child: childOf(v), foundAt: istDateTime(when), place, ...(caseNumber.trim() && { caseNumber: caseNumber.trim() }), ...(photo && { photo }), ...privacyNotice };
      if (!online || !navigator.onLine) {
        // No signal: the report, photo included, waits sealed on the phone and is sent once the connection returns.
        outbox.add({ userId: session.user.id, kind: kind === 'MISSING' ? 'missing' : 'found', payload: body, ...(body.child.name && { label: body.child.name }) });
        return navigate('/outbox');
      }
      if (!anyway && !who.citizen) {
        const found = await api.post<Duplicates>('/reports/duplicates', { kind, child: body.child, occurredAt: istDateTime(when), place: { districtCode: where.districtCode } });
        if (found.items.length) return setDuplicates(found.items);
      }
      const r = await api.post<ReportView>(kind === 'MISSING' ? '/reports/missing' : '/reports/found', body).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 403 && String(err.problem.title + (err.problem.detail ?? '')).match(/verif/i)) setNeedsVerify(true);
        throw err;
      });
      navigate(`/reports/${r.id}`);
    });
  }

  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t(kind === 'MISSING' ? 'rep.fileMissing' : who.citizen ? 'rep.fileSighting' : 'rep.fileFound')}</PageTitle>
      <p className="muted">{t(kind === 'MISSING' ? (who.citizen ? 'rep.missingIntroCitizen' : 'rep.missingIntro') : 'rep.foundIntro')}</p>
      <form className="card" onSubmit={submit} noValidate>
        {kind === 'MISSING' && !who.citizen && (
          <>
            <label htmlFor="rp-ref">{t('rep.policeRef')}</label>
            <input id="rp-ref" required aria-invalid={wanting === 'policeRef' || undefined} value={policeRef} onChange={(e) => setPoliceRef(e.target.value)} />
          </>
        )}
        <fieldset>
          <legend>{t('rep.child')}</legend>
          <FieldLabel htmlFor="rp-name" optional>{t('child.name')}</FieldLabel>
          <input id="rp-name" value={v.name ?? ''} onChange={set('name')} aria-describedby="rp-name-hint" />
          <p id="rp-name-hint" className="muted small">
            {t('rep.anyScript')}
          </p>
          <FieldLabel htmlFor="rp-aliases" optional>{t('child.aliases')}</FieldLabel>
          <input id="rp-aliases" value={v.aliases ?? ''} onChange={set('aliases')} aria-describedby="rp-list-hint" />
          <FieldLabel htmlFor="rp-father" optional>{t('child.father')}</FieldLabel>
          <input id="rp-father" value={v.father ?? ''} onChange={set('father')} />
          <FieldLabel htmlFor="rp-mother" optional>{t('child.mother')}</FieldLabel>
          <input id="rp-mother" value={v.mother ?? ''} onChange={set('mother')} />
          <label htmlFor="rp-gender">{t('child.gender')}</label>
          <Choose id="rp-gender" required invalid={wanting === 'gender'} value={v.gender ?? ''} onChange={setField('gender')} none={t('form.choose')} options={CHILD_GENDERS} label={(g) => t(`register.gender.${g}`)} />
          <div className="pair">
            <div>
              <FieldLabel htmlFor="rp-age-min" optional>{t('child.ageMin')}</FieldLabel>
              <input id="rp-age-min" type="number" inputMode="numeric" min={0} max={25} value={v.ageMin ?? ''} onChange={set('ageMin')} />
            </div>
            <div>
              <FieldLabel htmlFor="rp-age-max" optional>{t('child.ageMax')}</FieldLabel>
              <input id="rp-age-max" type="number" inputMode="numeric" min={0} max={25} value={v.ageMax ?? ''} onChange={set('ageMax')} />
            </div>
          </div>
          <FieldLabel htmlFor="rp-dob" optional>{t('child.dob')}</FieldLabel>
          <input id="rp-dob" type="date" value={v.dateOfBirth ?? ''} onChange={set('dateOfBirth')} />
          <div className="pair">
            <div>
              <FieldLabel htmlFor="rp-h-min" optional>{t('child.heightMin')}</FieldLabel>
              <input id="rp-h-min" type="number" inputMode="numeric" min={30} max={220} value={v.heightMin ?? ''} onChange={set('heightMin')} />
            </div>
            <div>
              <FieldLabel htmlFor="rp-h-max" optional>{t('child.heightMax')}</FieldLabel>
              <input id="rp-h-max" type="number" inputMode="numeric" min={30} max={220} value={v.heightMax ?? ''} onChange={set('heightMax')} />
            </div>
          </div>
          <FieldLabel htmlFor="rp-complexion" optional>{t('child.complexion')}</FieldLabel>
          <Choose id="rp-complexion" value={v.complexion ?? ''} onChange={setField('complexion')} none={t('form.choose')} options={COMPLEXION_VALUES} label={(c) => t(`child.complexion.${c}`)} />
          <FieldLabel htmlFor="rp-marks" optional>{t('child.marks')}</FieldLabel>
          <textarea id="rp-marks" rows={2} value={v.marks ?? ''} onChange={set('marks')} />
          <FieldLabel htmlFor="rp-languages" optional>{t('child.languages')}</FieldLabel>
          <input id="rp-languages" value={v.languages ?? ''} onChange={set('languages')} aria-describedby="rp-list-hint" />
          <p id="rp-list-hint" className="muted small">
            {t('rep.listHint')}
          </p>
          <FieldLabel htmlFor="rp-clothing" optional>{t('child.clothing')}</FieldLabel>
          <textarea id="rp-clothing" rows={2} value={v.clothing ?? ''} onChange={set('clothing')} />
        </fieldset>
        <fieldset>
          <legend>{t(kind === 'MISSING' ? 'rep.whereLastSeen' : 'rep.whereFound')}</legend>
          <label htmlFor="rp-when">{t(kind === 'MISSING' ? 'rep.lastSeenAt' : 'rep.foundAt')}</label>
          <input id="rp-when" type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
          <PlacePicker
            idPrefix="rp"
            value={where}
            onChange={(next) => {
              setWhere(next);
              if (next.districtCode !== where.districtCode) setLocal(noLocal);
            }}
            fixedStateCode={own?.stateCode}
            required
          />
          <LocalPlacePicker idPrefix="rp" districtCode={where.districtCode} value={local} onChange={setLocal} legend={t(kind === 'MISSING' ? 'place.lastSeen' : 'place.found')} />
          <FieldLabel htmlFor="rp-place" optional>{t('rep.placeText')}</FieldLabel>
          <input id="rp-place" value={placeText} onChange={(e) => setPlaceText(e.target.value)} />
        </fieldset>
        {kind === 'FOUND' && !who.citizen && (
          <>
            <FieldLabel htmlFor="rp-case" optional>{t('rep.caseNumber')}</FieldLabel>
            <input id="rp-case" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} aria-describedby="rp-case-hint" autoCapitalize="characters" spellCheck={false} />
            <p id="rp-case-hint" className="muted small">
              {t('rep.caseNumberHint')}
            </p>
          </>
        )}
        <FieldLabel htmlFor="rp-photo" optional>{t('rep.photo')}</FieldLabel>
        <input
          id="rp-photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => choosePhoto(e.target.files?.[0])}
          aria-describedby="rp-photo-hint"
          aria-invalid={photoError ? true : undefined}
        />
        <p id="rp-photo-hint" className="muted small">
          {t('rep.photoHint')}
        </p>
        <FieldError error={photoError} />
        {who.citizen && (
          <fieldset className="privacy">
            <legend>{t('privacy.title')}</legend>
            <p className="muted">{t('privacy.intro')}</p>
            <PrivacyNotice headingLevel={3} />
            <label className="check">
              <input type="checkbox" aria-invalid={wanting === 'acknowledged' || undefined} checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} /> {t('privacy.acknowledge')}
            </label>
          </fieldset>
        )}
        <FieldError key={attempt} error={error}>
          {needsVerify && <Link to="/verify">{t('verify.first')}</Link>}
        </FieldError>
        {duplicates && duplicates.length > 0 ? (
          <LikelyDuplicates items={duplicates} busy={busy} onEdit={() => setDuplicates(null)} onSaveAnyway={() => void submit(undefined, true)} />
        ) : (
          <button type="submit" className="primary" disabled={busy}>
            {t('rep.submit')}
          </button>
        )}
      </form>
    </section>
  );
}

function Photo({ reportId, alt }: { reportId: string; alt: string }) {
  const { api } = useApp();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    let live = true;
    void api.blob(`/reports/${reportId}/photo`).then((b) => {
      if (b && live) setUrl((made = URL.createObjectURL(b)));
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, reportId]);
  return url ? <img className="report-photo" src={url} alt={alt} /> : null;
}

/** One report: the child, where and when, acceptance and closure, and its match candidates. */
export function ReportDetail({ reportId }: { reportId: string }) {
  const { t, lang, api, session } = useApp();
  const who = useWho();
  const report = useLoad(() => api.get<ReportView>(`/reports/${reportId}`), [reportId]);
  return (
    <Show loaded={report}>
      {(r) => (
        <section aria-labelledby="page-title" className="report-page">
          <PageTitle>{t(r.kind === 'MISSING' ? 'rep.missingTitle' : 'rep.foundTitle', { name: r.child.name ?? t('common.unnamed') })}</PageTitle>
          <div className="card summary">
            <div className="row">
              <span className="badge">{t(`rep.kind.${r.kind}`)}</span>
              <StatusBadge status={r.status} />
            </div>
            {r.hasPhoto && <Photo reportId={r.id} alt={t('rep.photoOf', { name: r.child.name ?? t('common.unnamed') })} />}
            <ChildDetails c={r.child} />
            <dl>
              <FactRows
                rows={[
                  [r.kind === 'MISSING' ? 'rep.lastSeenAt' : 'rep.foundAt', formatDateTime(lang, r.occurredAt)],
                  ['rep.place', <PlaceWords key="place" text={r.place.text} districtCode={r.place.districtCode} />],
                  ['rep.policeRef', r.policeRef],
                  ['rep.reporter', r.reporter?.name && [r.reporter.name, r.reporter.phone, r.reporter.email].filter(Boolean).join(' · ')],
                  ['rep.status.TRACED', r.tracedAt && formatDateTime(lang, r.tracedAt)],
                  ['rep.status.CLOSED', r.closedReason],
                ]}
              />
            </dl>
            {r.caseId && <Link to={`/cases/${r.caseId}`}>{t('rep.openCase')}</Link>}
          </div>
          {r.status === 'PENDING_ACCEPTANCE' && who.police && who.may('report:accept') && <AcceptForm r={r} onDone={report.reload} />}
          {(r.status === 'OPEN' || r.status === 'PENDING_ACCEPTANCE') && ((who.police && who.may('report:accept')) || who.citizen) && <CloseForm r={r} onDone={report.reload} />}
          {!who.citizen && r.status !== 'PENDING_ACCEPTANCE' && <Candidates reportId={r.id} kind={r.kind} />}
          {who.citizen && r.filedBy.id === session.user.id && <OwnReportData reportId={r.id} onChanged={report.reload} />}
        </section>
      )}
    </Show>
  );
}

function AcceptForm({ r, onDone }: { r: ReportView; onDone(): void }) {
  const { t, tx, api } = useApp();
  const [policeRef, setPoliceRef] = useState('');
  const [error, setError] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (!policeRef.trim()) return setError(t('rep.policeRefRequired'));
    try {
      await api.post(`/reports/${r.id}/accept`, { policeRef: policeRef.trim() });
      onDone();
    } catch (err) {
      setError(errorText(err, tx));
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="accept-h">
      <h2 id="accept-h">{t('rep.accept')}</h2>
      <p className="muted">{t('rep.acceptIntro')}</p>
      <label htmlFor="acc-ref">{t('rep.policeRef')}</label>
      <input id="acc-ref" required value={policeRef} onChange={(e) => setPoliceRef(e.target.value)} />
      <FieldError error={error} />
      <button type="submit" className="primary">
        {t('rep.acceptSubmit')}
      </button>
    </form>
  );
}

function CloseForm({ r, onDone }: { r: ReportView; onDone(): void }) {
  const { t, tx, api } = useApp();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (!reason || !note.trim()) return setError(t('rep.closeNeeds'));
    try {
      await api.post(`/reports/${r.id}/close`, { reason, note: note.trim() });
      onDone();
    } catch (err) {
      setError(errorText(err, tx));
    }
  }
  return (
    <details className="card">
      <summary>{t('rep.close')}</summary>
      <form onSubmit={submit} noValidate>
        <label htmlFor="close-reason">{t('rep.closeReason')}</label>
        <Choose id="close-reason" value={reason} onChange={setReason} none={t('form.choose')} options={CLOSE_REASONS} label={(x) => t(`rep.closeReason.${x}`)} />
        <label htmlFor="close-note">{t('rep.closeNote')}</label>
        <textarea id="close-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        <FieldError error={error} />
        <button type="submit">{t('rep.closeSubmit')}</button>
      </form>
    </details>
  );
}

function Candidates({ reportId, kind }: { reportId: string; kind: ReportView['kind'] }) {
  const { t, api } = useApp();
  const [offset, setOffset] = useState(0);
  const page = useLoad(() => api.get<CandidatePage>(`/reports/${reportId}/candidates?offset=${offset}&limit=${CANDIDATES_PER_PAGE}`), [reportId, offset]);
  return (
    <section className="card candidates" aria-labelledby="cand-h">
      <h2 id="cand-h">{t('cand.title')}</h2>
      <Show loaded={page}>
        {(p) => (
          <>
            <p className="muted">{p.total === 0 ? t('cand.none') : t('cand.count', { total: p.total, from: p.offset + 1, to: p.offset + p.items.length })}</p>
            <ol className="plain" start={p.offset + 1}>
              {p.items.map((c) => (
                <CandidateRow key={c.id} c={c} other={kind === 'MISSING' ? c.found : c.missing} />
              ))}
            </ol>
            <div className="row">
              {p.offset > 0 && (
                <button type="button" onClick={() => setOffset(Math.max(0, p.offset - CANDIDATES_PER_PAGE))}>
                  {t('cand.prev')}
                </button>
              )}
              {p.offset + p.items.length < p.total && (
                <button type="button" onClick={() => setOffset(p.offset + CANDIDATES_PER_PAGE)}>
                  {t('cand.next')}
                </button>
              )}
            </div>
          </>
        )}
      </Show>
    </section>
  );
}

function CandidateRow({ c, other }: { c: MatchCandidateView; other: ReportView }) {
  const { t, lang } = useApp();
  return (
    <li data-testid="candidate">
      <div className="row">
        <Link to={`/match-candidates/${c.id}`}>
          <strong>{t('cand.probability', { pct: percent(c.probability) })}</strong> — {other.child.name ?? t('common.unnamed')}
        </Link>
        <span className="badge">{t(`cand.status.${c.status}`)}</span>
      </div>
      <div className="muted small">
        {t(`rep.kind.${other.kind}`)} · <PlaceWords text={other.place.text} districtCode={other.place.districtCode} /> · {formatDateTime(lang, other.occurredAt)}
      </div>
      <details>
        <summary>{t('cand.why')}</summary>
        <Explanation c={c} />
      </details>
    </li>
  );
}

function Explanation({ c }: { c: MatchCandidateView }) {
  const { t, tx, lang } = useApp();
  const fields = byWeight(c.explanation?.fields ?? []);
  if (fields.length === 0) return <p className="muted">{t('cand.noExplanation')}</p>;
  return (
    <table className="explain" data-testid="explanation">
      <caption className="sr-only">{t('cand.why')}</caption>
      <ColumnHeads columns={[t('cand.field'), t('cand.bearing'), t('cand.reason')]} />
      <tbody>
        {fields.map((f) => {
          const b = bearingOf(f);
          return (
            <tr key={f.field} className={`bearing-${b}`}>
              <th scope="row">{tx(`match.field.${f.field}`, humanize(f.field))}</th>
              <td>
                <span aria-hidden="true">{b === 'for' ? '+' : b === 'against' ? '-' : '·'}</span> {t(`cand.${b}`)}
              </td>
              <td>
                {/* the level in the reader's language; the engine's detail from its key where it gives one, else as it gave it, in English */}
                {f.level && <strong className="level">{tx(`match.level.${f.field}.${f.level}`, '')}</strong>}{' '}
                {f.detail && isMessageKey(f.detail.key) ? <span>{tx(f.detail.key, f.reason, reasonValues(lang, f.detail.params))}</span> : <span lang="en">{f.reason}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One candidate: both reports side by side, the explanation, and the decision. */
export function CandidateDetail({ candidateId }: { candidateId: string }) {
  const { t, lang, api, online } = useApp();
  const who = useWho();
  const cand = useLoad(() => api.get<MatchCandidateView>(`/match-candidates/${candidateId}`), [candidateId]);
  const [note, setNote] = useState('');
  const { error, setError, busy, run } = useSubmit();
  const [outcome, setOutcome] = useState<MatchCandidateView>();
  // confirming cannot be undone: the first press asks (`asking`, how many times), only "Yes" sends
  const [asking, setAsking] = useState(0);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const noteWanting = error === t('cand.noteHint');
  const outcomeRef = useRef<HTMLDivElement>(null);
  // on a phone the decision is far below the outcome: bring the outcome into view and focus
  useEffect(() => {
    if (!outcome) return;
    outcomeRef.current?.scrollIntoView({ block: 'start' });
    outcomeRef.current?.focus();
  }, [outcome]);

  async function decide(decision: 'CONFIRM' | 'REJECT', sure = false) {
    if (!online) return setError(t('common.needsConnection'));
    if (note.trim().length < 5) {
      setAsking(0);
      return setError(t('cand.noteHint'));
    }
    if (decision === 'CONFIRM' && !sure) {
      setError(undefined);
      return setAsking((n) => n + 1);
    }
    if (decision === 'REJECT') setAsking(0);
    await run(async () => {
      const res = await api.post<CandidateDecision>(`/match-candidates/${candidateId}/decision`, { decision, note: note.trim() });
      setOutcome(res.candidate);
      cand.reload();
    });
  }

  return (
    <Show loaded={cand}>
      {(c) => {
        const shown = outcome ?? c;
        const caseId = shown.found.caseId ?? shown.missing.caseId;
        return (
          <section aria-labelledby="page-title">
            <PageTitle>{t('cand.pageTitle', { pct: percent(shown.probability) })}</PageTitle>
            <p>
              <span className="badge">{t(`cand.status.${shown.status}`)}</span>{' '}
              {shown.decidedAt && <span className="muted">{t('cand.decidedAt', { when: formatDateTime(lang, shown.decidedAt) })}</span>}
            </p>
            {shown.decisionNote && (
              <p>
                <WithOwnWords message={(note) => t('cand.noteWas', { note })} words={shown.decisionNote} />
              </p>
            )}
            {shown.status === 'CONFIRMED' && (
              <div className="notice ok" role="status" data-testid="traced" ref={outcomeRef} tabIndex={-1}>
                <p>{t('cand.traced', { ref: shown.missing.policeRef ?? shown.missing.id })}</p>
                {caseId ? <Link to={`/cases/${caseId}`}>{t('cand.openFoundCase')}</Link> : <p className="muted">{t('cand.noCase')}</p>}
              </div>
            )}
            {shown.status === 'REJECTED' && (
              <div className="notice" role="status" ref={outcomeRef} tabIndex={-1}>
                {t('cand.rejected')}
              </div>
            )}
            <div className="pair-cards">
              {[shown.missing, shown.found].map((r) => (
                <div key={r.id} className="card summary">
                  <h2>
                    <Link to={`/reports/${r.id}`}>{t(`rep.kind.${r.kind}`)}</Link> <StatusBadge status={r.status} />
                  </h2>
                  {r.hasPhoto && <Photo reportId={r.id} alt={t('rep.photoOf', { name: r.child.name ?? t('common.unnamed') })} />}
                  <ChildDetails c={r.child} />
                  <p className="small">
                    {t(r.kind === 'MISSING' ? 'rep.lastSeen' : 'rep.foundOn', { when: formatDateTime(lang, r.occurredAt) })} · <PlaceWords text={r.place.text} districtCode={r.place.districtCode} />
                    {r.policeRef && ` · ${t('rep.policeRefIs', { ref: r.policeRef })}`}
                  </p>
                </div>
              ))}
            </div>
            <section className="card" aria-labelledby="why-h">
              <h2 id="why-h">{t('cand.why')}</h2>
              <Explanation c={shown} />
            </section>
            {shown.status === 'PROPOSED' && who.may('match:decide') && (
              <section className="card" aria-labelledby="decide-h">
                <h2 id="decide-h">{t('cand.decide')}</h2>
                <label htmlFor="cand-note">{t('cand.note')}</label>
                <textarea id="cand-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="cand-note-hint" aria-invalid={noteWanting || undefined} />
                <p id="cand-note-hint" className="muted small">
                  {t('cand.noteHint')}
                </p>
                <FieldError error={error} />
                <div className="row">
                  <button type="button" className="primary" disabled={busy} ref={confirmButton} onClick={() => void decide('CONFIRM')}>
                    {t('cand.confirm')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void decide('REJECT')}>
                    {t('cand.reject')}
                  </button>
                </div>
                {asking > 0 && (
                  <ConfirmStep
                    key={asking}
                    id="ask-confirm"
                    title={t('cand.confirmAsk')}
                    text={t('cand.confirmWhat')}
                    yes={t('cand.confirmYes')}
                    busy={busy}
                    onYes={() => void decide('CONFIRM', true)}
                    onBack={() => setAsking(0)}
                    returnTo={confirmButton}
                  />
                )}
              </section>
            )}
          </section>
        );
      }}
    </Show>
  );
}
