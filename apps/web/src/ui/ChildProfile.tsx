import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { AGE_BASES, ChildProfileVersionView, ChildProfileView } from '@raksha/contracts';
import { draftOf, profileBody, type ProfileDraft } from '../lib/child-profile.js';
import { formatDate, formatDateTime, formatList } from '../lib/i18n.js';
import { FieldError, FieldLabel, Show, useSubmit } from './bits.js';
import { useApp, useLoad } from './context.js';

// The form only when the person changes the profile: its choices (genders, relations, photo types) come with zod's
// schemas, which the case page's first paint does without.
const ProfileFields = lazy(() => import('./ProfileFields.js').then((m) => ({ default: m.ProfileFields })));

/** A photograph as the page shows it: a blob URL (the app's Content-Security-Policy takes images from blob: only). */
export function usePhotoUrl(photo: ProfileDraft['photo']): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) return setUrl(null);
    const bytes = Uint8Array.from(atob(photo.base64), (c) => c.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: photo.contentType }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [photo?.base64]);
  return url;
}

/** The age as a sentence: the date of birth and its document, or the estimate and its basis; and the day the child turns 18. */
function AgeFacts({ age }: { age: ChildProfileView['age'] }) {
  const { t, lang } = useApp();
  const basis = (b: string | null) => (b ? t(`profile.basis.${b as (typeof AGE_BASES)[number]}`) : t('profile.basisNotRecorded'));
  return (
    <>
      {age.dateOfBirth && <span>{t('profile.bornOn', { date: formatDate(lang, age.dateOfBirth), basis: basis(age.dateOfBirthBasis) })}</span>}
      {age.estimate && <span>{t('profile.estimated', { years: age.estimate.years, date: formatDate(lang, age.estimate.estimatedOn), basis: basis(age.estimate.basis) })}</span>}
      {age.eighteenOn && (
        <span data-testid="child-turns-18">
          {' · '}
          {t(age.fromDateOfBirth ? 'profile.turns18' : 'profile.turns18Estimated', { date: formatDate(lang, age.eighteenOn) })}
        </span>
      )}
    </>
  );
}

/** The case page's section on the child: the profile, a change with its reason, and the changes made before. */
export function ChildProfileSection({ caseId, mayChange }: { caseId: string; mayChange: boolean }) {
  const { t, tx, lang, api } = useApp();
  const profile = useLoad(() => api.get<ChildProfileView>(`/cases/${caseId}/child`), [caseId]);
  const versions = useLoad(() => api.get<ChildProfileVersionView[]>(`/cases/${caseId}/child/versions`), [caseId]);
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [reason, setReason] = useState('');
  const saving = useSubmit();
  const photoUrl = usePhotoUrl(profile.data?.photo ?? null);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    await saving.run(async () => {
      await api.put(`/cases/${caseId}/child`, { ...profileBody(draft), reason: reason.trim() });
      setDraft(null);
      setReason('');
      profile.reload();
      versions.reload();
    });
  }

  return (
    <section className="card" aria-labelledby="child-h">
      <h2 id="child-h">{t('profile.title')}</h2>
      <Show loaded={profile}>
        {(p) =>
          draft ? (
            <form onSubmit={save} noValidate>
              <p className="muted">{t('profile.ageNote')}</p>
              <Suspense fallback={<p aria-live="polite">{t('common.loading')}</p>}>
                <ProfileFields idPrefix="cp" draft={draft} onChange={setDraft} />
              </Suspense>
              <div className="field">
                <FieldLabel htmlFor="cp-reason" optional={false}>
                  {t('profile.reason')}
                </FieldLabel>
                <input id="cp-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
              </div>
              <FieldError error={saving.error} />
              <button type="submit" className="primary" disabled={saving.busy || !reason.trim()}>
                {t('profile.save')}
              </button>{' '}
              <button type="button" onClick={() => setDraft(null)}>
                {t('profile.cancel')}
              </button>
            </form>
          ) : (
            <>
              {photoUrl && <img src={photoUrl} alt={t('profile.photo')} className="child-photo" />}
              <dl data-testid="child-profile">
                <dt>{t('child.name')}</dt>
                <dd>{p.name ?? t('common.unnamed')}</dd>
                {p.aliases.length > 0 && (
                  <>
                    <dt>{t('child.aliases')}</dt>
                    <dd>{formatList(lang, p.aliases)}</dd>
                  </>
                )}
                {p.gender && (
                  <>
                    <dt>{t('register.gender')}</dt>
                    <dd>{t(`register.gender.${p.gender}`)}</dd>
                  </>
                )}
                <dt>{t('child.age')}</dt>
                <dd>{p.age.dateOfBirth || p.age.estimate ? <AgeFacts age={p.age} /> : t('profile.none')}</dd>
                {p.languages.length > 0 && (
                  <>
                    <dt>{t('child.languages')}</dt>
                    <dd>{formatList(lang, p.languages)}</dd>
                  </>
                )}
                {p.identificationMarks.length > 0 && (
                  <>
                    <dt>{t('child.marks')}</dt>
                    <dd>{formatList(lang, p.identificationMarks)}</dd>
                  </>
                )}
                {p.guardians.length > 0 && (
                  <>
                    <dt>{t('child.guardians')}</dt>
                    <dd>
                      <ul className="plain">
                        {p.guardians.map((g, i) => (
                          <li key={i}>
                            {g.name} ({t(`child.relation.${g.relation}`)}){g.phone && <> · {g.phone}</>}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {p.address && (
                  <>
                    <dt>{t('profile.address')}</dt>
                    <dd>{[p.address.line, p.address.ward, p.address.names.village, p.address.names.block, p.address.names.thana && t('profile.thanaOf', { thana: p.address.names.thana }), p.address.names.district].filter(Boolean).join(', ')}</dd>
                  </>
                )}
                {p.school && (
                  <>
                    <dt>{t('profile.school')}</dt>
                    <dd>{p.school.class ? t('profile.schoolIn', { school: p.school.name, class: p.school.class }) : p.school.name}</dd>
                  </>
                )}
                {p.disability && (
                  <>
                    <dt>{t('profile.disability')}</dt>
                    <dd>{p.disability}</dd>
                  </>
                )}
                {p.circumstancesOfFinding && (
                  <>
                    <dt>{t('profile.circumstances')}</dt>
                    <dd>{p.circumstancesOfFinding}</dd>
                  </>
                )}
              </dl>
              {mayChange && (
                <button type="button" onClick={() => setDraft(draftOf(p))}>
                  {t('profile.edit')}
                </button>
              )}
            </>
          )
        }
      </Show>
      <Show loaded={versions}>
        {(list) =>
          list.length === 0 ? null : (
            <>
              <h3>{t('profile.versions')}</h3>
              <ul className="plain" data-testid="child-profile-versions">
                {list.map((v) => (
                  <li key={v.version}>
                    {t(v.version === 1 ? 'profile.recorded' : 'profile.changed', {
                      who: v.changedBy.displayName ?? t('profile.someone'),
                      when: formatDateTime(lang, v.changedAt),
                      fields: formatList(lang, v.changedFields.map((f) => tx(`profile.field.${f}`, f))),
                    })}
                    {v.reason && <span className="muted"> — {v.reason}</span>}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Show>
    </section>
  );
}
