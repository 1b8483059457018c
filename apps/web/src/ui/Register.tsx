import { useState, type FormEvent } from 'react';
import { newId } from '../lib/ids.js';
import { AGE_BASES, type CaseStatus, type LikelyDuplicate, type LikelyDuplicates as Duplicates } from '@raksha/contracts';
import { EMPTY_PROFILE, profileBody, type ProfileDraft } from '../lib/child-profile.js';
import { registrableTracks } from '../lib/roles.js';
import { Choose, FieldError, FieldLabel, PageTitle, useSubmit } from './bits.js';
import { useApp } from './context.js';
import { LocalPlacePicker, type LocalPlaces, PlacePicker, type Place } from './PlacePicker.js';
import { LikelyDuplicates } from './Duplicates.js';
import { ProfileFields } from './ProfileFields.js';

/** A document gives a date of birth; an estimate rests on a document's year, the child's or family's word, or looks. */
const DOCUMENT_BASES = AGE_BASES.filter((b) => b.endsWith('CERTIFICATE') || b === 'OTHER_DOCUMENT' || b === 'AGE_DETERMINATION');


/** Registers a found or rescued child (CNCP) or an apprehension (CICL); the case page opens next. */
export function Register() {
  const { t, api, session, online, navigate, outbox } = useApp();
  const tracks = registrableTracks(session.user.roles);
  const [track, setTrack] = useState<string>(tracks[0] ?? 'CNCP');
  const own = session.user.body;
  const [place, setPlace] = useState<Place>({ stateCode: own?.stateCode ?? '', districtCode: own?.districtCode ?? '' });
  // A police station registers the children of its own area: its thana is the first choice.
  const ownPlaces = (districtCode: string): LocalPlaces => ({ thanaCode: own?.thanaCode && own.districtCode === districtCode ? own.thanaCode : '', blockCode: '', villageCode: '' });
  const [local, setLocal] = useState<LocalPlaces>(() => ownPlaces(own?.districtCode ?? ''));
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [dob, setDob] = useState('');
  const [dobBasis, setDobBasis] = useState('');
  const [age, setAge] = useState('');
  const [ageBasis, setAgeBasis] = useState('');
  const { error, setError, busy, run } = useSubmit();
  // one key per composed registration, so a retry after a lost answer finds the same case
  const [key, setKey] = useState(() => newId());
  // the same child possibly on record already, shown before saving; null: not asked yet for these details
  const [duplicates, setDuplicates] = useState<LikelyDuplicate[] | null>(null);

  async function submit(e?: FormEvent, anyway = false) {
    e?.preventDefault();
    // The age one way: a date of birth (and its document), an estimate with what it rests on, or an age alone.
    const ageOf = dob
      ? { dateOfBirth: dob, ...(dobBasis && { dateOfBirthBasis: dobBasis }) }
      : age.trim()
        ? ageBasis
          ? { ageEstimate: { years: Number(age), basis: ageBasis } }
          : { ageYears: Number(age) }
        : {};
    const child = { ...profileBody(profile), ...ageOf };
    const places = {
      ...(local.thanaCode && { thanaCode: local.thanaCode }),
      ...(local.blockCode && { blockCode: local.blockCode }),
      ...(local.villageCode && { villageCode: local.villageCode }),
    };
    if (!online || !navigator.onLine) {
      // No signal where the child was rescued: the registration waits on the phone (sealed) and is sent once the
      // connection returns; the API then lists any likely duplicate for review, as it does for every registration.
      if (!place.districtCode) return setError(t('register.needsConnection'));
      outbox.add({ userId: session.user.id, kind: 'registration', payload: { track, districtCode: place.districtCode, ...places, child }, ...(child.name && { label: child.name }) });
      return navigate('/outbox');
    }
    await run(async () => {
      if (!anyway && child.name) {
        const seen = { name: child.name, ...(child.gender && { gender: child.gender }), ...(age.trim() && !dob && { ageYears: Number(age) }) };
        const found = await api.post<Duplicates>('/cases/duplicates', { districtCode: place.districtCode, child: seen });
        if (found.items.length) return setDuplicates(found.items);
      }
      const status = await api.post<CaseStatus>('/cases', { track, districtCode: place.districtCode, ...places, child }, { 'Idempotency-Key': key });
      setKey(newId());
      navigate(`/cases/${status.caseId}`);
    });
  }

  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('register.title')}</PageTitle>
      <form className="card" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('register.track')}</legend>
          {tracks.map((tr) => (
            <div key={tr} className="check">
              <input type="radio" id={`track-${tr}`} name="track" value={tr} checked={track === tr} onChange={() => setTrack(tr)} />
              <label htmlFor={`track-${tr}`}>{t(`track.${tr}`)}</label>
            </div>
          ))}
        </fieldset>
        <PlacePicker
          idPrefix="r"
          value={place}
          onChange={(next) => {
            setPlace(next);
            if (next.districtCode !== place.districtCode) setLocal(ownPlaces(next.districtCode));
          }}
          fixedStateCode={own?.stateCode}
          required
        />
        <LocalPlacePicker idPrefix="r" districtCode={place.districtCode} value={local} onChange={setLocal} />
        <ProfileFields
          idPrefix="r"
          draft={profile}
          onChange={setProfile}
          age={
            <fieldset>
              <legend>{t('child.age')}</legend>
              <p className="muted small">{t('register.ageHint')}</p>
              <FieldLabel htmlFor="r-dob" optional>{t('child.dob')}</FieldLabel>
              <input id="r-dob" type="date" value={dob} onChange={(e) => setDob(e.target.value)} />
              <FieldLabel htmlFor="r-dob-basis" optional>{t('register.dobBasis')}</FieldLabel>
              <Choose id="r-dob-basis" value={dobBasis} onChange={setDobBasis} none={t('form.choose')} options={DOCUMENT_BASES} label={(b) => t(`profile.basis.${b}`)} />
              <FieldLabel htmlFor="r-age" optional>{t('register.age')}</FieldLabel>
              <input id="r-age" type="number" inputMode="numeric" min={0} max={17} value={age} disabled={!!dob} onChange={(e) => setAge(e.target.value)} />
              <FieldLabel htmlFor="r-age-basis" optional>{t('register.ageBasis')}</FieldLabel>
              <Choose id="r-age-basis" value={ageBasis} onChange={setAgeBasis} none={t('form.choose')} options={AGE_BASES} label={(b) => t(`profile.basis.${b}`)} />
            </fieldset>
          }
        />
        <FieldError error={error} />
        {duplicates && duplicates.length > 0 ? (
          <LikelyDuplicates items={duplicates} busy={busy} onEdit={() => setDuplicates(null)} onSaveAnyway={() => void submit(undefined, true)} />
        ) : (
          <button type="submit" className="primary" disabled={busy}>
            {t('register.submit')}
          </button>
        )}
      </form>
    </section>
  );
}
