// The child's profile as a form: the registration's and the case page's change alike (apart from ChildProfile.tsx, so
// the case page reads a profile without loading the form's choices and zod with them).
import { useState, type ReactNode } from 'react';
import { CHILD_GENDERS, GUARDIAN_RELATIONS, PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES } from '@raksha/contracts';
import type { ProfileDraft } from '../lib/child-profile.js';
import { Choose, FieldError, FieldLabel } from './bits.js';
import { usePhotoUrl } from './ChildProfile.js';
import { useApp } from './context.js';
import { LocalPlacePicker, PlacePicker } from './PlacePicker.js';

/**
 * The profile's fields in a form: the registration's and the case page's change alike. The age is the registration's
 * own: it passes its fields as `age`, shown after the name and gender.
 */
export function ProfileFields({ idPrefix, draft, onChange, age }: { idPrefix: string; draft: ProfileDraft; onChange(next: ProfileDraft): void; age?: ReactNode }) {
  const { t } = useApp();
  const set = (k: keyof ProfileDraft) => (v: string) => onChange({ ...draft, [k]: v });
  const text = (k: keyof ProfileDraft, label: Parameters<typeof t>[0], hint?: Parameters<typeof t>[0]) => (
    <div className="field">
      <FieldLabel htmlFor={`${idPrefix}-${k}`} optional>
        {t(label)}
      </FieldLabel>
      <input id={`${idPrefix}-${k}`} value={draft[k] as string} onChange={(e) => set(k)(e.target.value)} {...(hint && { 'aria-describedby': `${idPrefix}-${k}-hint` })} />
      {hint && (
        <p id={`${idPrefix}-${k}-hint`} className="muted small">
          {t(hint)}
        </p>
      )}
    </div>
  );
  const photoUrl = usePhotoUrl(draft.photo);
  const [photoError, setPhotoError] = useState<string>();
  async function pickPhoto(file: File | undefined) {
    setPhotoError(undefined);
    if (!file) return;
    if (!(PHOTO_CONTENT_TYPES as readonly string[]).includes(file.type)) return setPhotoError(t('profile.photoType'));
    if (file.size > PHOTO_MAX_BYTES) return setPhotoError(t('profile.photoSize'));
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    onChange({ ...draft, photo: { contentType: file.type as NonNullable<ProfileDraft['photo']>['contentType'], base64: btoa(binary) } });
  }

  return (
    <>
      {text('name', 'register.childName', 'search.anyScript')}
      {text('aliases', 'child.aliases', 'profile.listHint')}
      <div className="field">
        <FieldLabel htmlFor={`${idPrefix}-gender`} optional>
          {t('register.gender')}
        </FieldLabel>
        <Choose id={`${idPrefix}-gender`} value={draft.gender} onChange={set('gender')} none={t('form.choose')} options={CHILD_GENDERS} label={(g) => t(`register.gender.${g}`)} />
      </div>
      {age}
      {text('languages', 'profile.speaks', 'profile.listHint')}
      {text('marks', 'child.marks', 'profile.listHint')}
      <fieldset>
        <legend>{t('profile.guardian')}</legend>
        {text('guardianName', 'profile.guardianName')}
        <div className="field">
          <FieldLabel htmlFor={`${idPrefix}-guardianRelation`} optional>
            {t('profile.guardianRelation')}
          </FieldLabel>
          <Choose id={`${idPrefix}-guardianRelation`} value={draft.guardianRelation} onChange={set('guardianRelation')} none={t('form.choose')} options={GUARDIAN_RELATIONS} label={(r) => t(`child.relation.${r}`)} />
        </div>
        {text('guardianPhone', 'profile.guardianPhone')}
      </fieldset>
      <fieldset>
        <legend>{t('profile.address')}</legend>
        <PlacePicker idPrefix={`${idPrefix}-home`} labels={{ state: t('profile.homeState'), district: t('profile.homeDistrict') }} value={{ stateCode: draft.stateCode, districtCode: draft.districtCode }} onChange={(p) => onChange({ ...draft, ...p, ...(p.districtCode !== draft.districtCode && { thanaCode: '', blockCode: '', villageCode: '' }) })} />
        <LocalPlacePicker idPrefix={`${idPrefix}-home`} legend={t('profile.homePlaces')} labels={{ thana: t('profile.homeThana'), block: t('profile.homeBlock'), village: t('profile.homeVillage') }} districtCode={draft.districtCode} value={{ thanaCode: draft.thanaCode, blockCode: draft.blockCode, villageCode: draft.villageCode }} onChange={(l) => onChange({ ...draft, ...l })} />
        {text('ward', 'profile.ward')}
        {text('addressLine', 'profile.addressLine')}
      </fieldset>
      {text('schoolName', 'profile.school')}
      {text('schoolClass', 'profile.schoolClass')}
      {text('disability', 'profile.disability')}
      <div className="field">
        <FieldLabel htmlFor={`${idPrefix}-circumstances`} optional>
          {t('profile.circumstances')}
        </FieldLabel>
        <textarea id={`${idPrefix}-circumstances`} rows={3} value={draft.circumstances} onChange={(e) => set('circumstances')(e.target.value)} />
      </div>
      <div className="field">
        <FieldLabel htmlFor={`${idPrefix}-photo`} optional>
          {t('profile.photo')}
        </FieldLabel>
        {photoUrl && <img src={photoUrl} alt={t('profile.photo')} className="child-photo" />}
        <input id={`${idPrefix}-photo`} type="file" accept={PHOTO_CONTENT_TYPES.join(',')} onChange={(e) => void pickPhoto(e.target.files?.[0])} />
        <FieldError error={photoError} />
      </div>
    </>
  );
}
