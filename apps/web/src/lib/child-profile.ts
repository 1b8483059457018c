// The child's profile as the forms hold it (text fields) and as the API takes it: one draft for registration and edits.
import type { ChildProfileView, GuardianBody, RegisterChildBody } from '@raksha/contracts';

export interface ProfileDraft {
  name: string;
  /** comma-separated, as people type a list */
  aliases: string;
  gender: string;
  languages: string;
  marks: string;
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  /** guardians beyond the first, kept as they are: the form edits one */
  otherGuardians: GuardianBody[];
  stateCode: string;
  districtCode: string;
  thanaCode: string;
  blockCode: string;
  villageCode: string;
  ward: string;
  addressLine: string;
  schoolName: string;
  schoolClass: string;
  disability: string;
  circumstances: string;
  photo: { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; base64: string } | null;
}

export const EMPTY_PROFILE: ProfileDraft = {
  name: '',
  aliases: '',
  gender: '',
  languages: '',
  marks: '',
  guardianName: '',
  guardianRelation: '',
  guardianPhone: '',
  otherGuardians: [],
  stateCode: '',
  districtCode: '',
  thanaCode: '',
  blockCode: '',
  villageCode: '',
  ward: '',
  addressLine: '',
  schoolName: '',
  schoolClass: '',
  disability: '',
  circumstances: '',
  photo: null,
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const opt = (text: string) => (text.trim() ? text.trim() : undefined);

/** The profile's fields as the API takes them (registration's `child`, or PUT /cases/:id/child with a reason). */
export function profileBody(d: ProfileDraft): Omit<RegisterChildBody, 'ageYears' | 'dateOfBirth' | 'dateOfBirthBasis' | 'ageEstimate'> {
  const first = d.guardianName.trim() && d.guardianRelation ? [{ name: d.guardianName.trim(), relation: d.guardianRelation as GuardianBody['relation'], ...(opt(d.guardianPhone) && { phone: opt(d.guardianPhone) }) }] : [];
  const guardians = [...first, ...d.otherGuardians];
  const body = {
    name: opt(d.name),
    aliases: list(d.aliases),
    gender: (d.gender || undefined) as RegisterChildBody['gender'],
    languages: list(d.languages),
    identificationMarks: list(d.marks),
    guardians,
    address: d.districtCode
      ? { districtCode: d.districtCode, thanaCode: opt(d.thanaCode), blockCode: opt(d.blockCode), villageCode: opt(d.villageCode), ward: opt(d.ward), line: opt(d.addressLine) }
      : undefined,
    school: opt(d.schoolName) ? { name: d.schoolName.trim(), class: opt(d.schoolClass) } : undefined,
    disability: opt(d.disability),
    circumstancesOfFinding: opt(d.circumstances),
    photo: d.photo ?? undefined,
  };
  // Empty lists and blank fields are left out: the API refuses nothing for their absence.
  return JSON.parse(JSON.stringify(body, (_k, v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v))) as ReturnType<typeof profileBody>;
}

/** The draft of a profile as read, for editing it. */
export function draftOf(p: ChildProfileView): ProfileDraft {
  const [first, ...others] = p.guardians;
  return {
    name: p.name ?? '',
    aliases: p.aliases.join(', '),
    gender: p.gender ?? '',
    languages: p.languages.join(', '),
    marks: p.identificationMarks.join(', '),
    guardianName: first?.name ?? '',
    guardianRelation: first?.relation ?? '',
    guardianPhone: first?.phone ?? '',
    otherGuardians: others,
    stateCode: p.address?.districtCode.slice(0, 2) ?? '',
    districtCode: p.address?.districtCode ?? '',
    thanaCode: p.address?.thanaCode ?? '',
    blockCode: p.address?.blockCode ?? '',
    villageCode: p.address?.villageCode ?? '',
    ward: p.address?.ward ?? '',
    addressLine: p.address?.line ?? '',
    schoolName: p.school?.name ?? '',
    schoolClass: p.school?.class ?? '',
    disability: p.disability ?? '',
    circumstances: p.circumstancesOfFinding ?? '',
    photo: p.photo,
  };
}
