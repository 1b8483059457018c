// The child's profile: what the Model Rules' production report (Form 17, R.18(2)) and social investigation report
// (Form 22, R.19(8)) record of the child, beyond the case's track and place. What it takes and what it answers.
import { z } from 'zod';
import { localPlaceFullCode } from './places.js';
import { photoBody } from './photo.js';
import { districtCode, isoTime, phoneNumber } from './shared.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A child's gender as a case or a report records it. */
export const CHILD_GENDERS = ['FEMALE', 'MALE', 'TRANSGENDER', 'UNKNOWN'] as const;

/**
 * What an age rests on. A date of birth from a document, or the age the Committee or Board recorded after an age
 * determination (s.94(2): birth certificate, school or matriculation certificate, else a medical age test); an
 * estimate from the child's looks or from what the child or a family member said, until a document is found.
 */
export const AGE_BASES = ['BIRTH_CERTIFICATE', 'SCHOOL_CERTIFICATE', 'OTHER_DOCUMENT', 'AGE_DETERMINATION', 'STATED_BY_CHILD', 'STATED_BY_FAMILY', 'APPEARANCE'] as const;
export type AgeBasis = (typeof AGE_BASES)[number];

export const GUARDIAN_RELATIONS = ['MOTHER', 'FATHER', 'GUARDIAN', 'GRANDPARENT', 'SIBLING', 'OTHER_RELATIVE', 'OTHER'] as const;

/** A date as people write it on a form: YYYY-MM-DD. */
const calendarDate = z.iso.date({ message: 'a date such as 2012-05-01' });

/** An age estimated when no date of birth is known: in completed years, on the date it was estimated, and on what. */
export const ageEstimateBody = z.strictObject({
  years: z.number().int().min(0).max(17),
  basis: z.enum(AGE_BASES),
  /** the day the estimate was made; the registration's day when left out */
  estimatedOn: calendarDate.optional(),
});
export type AgeEstimateBody = z.infer<typeof ageEstimateBody>;

export const guardianBody = z.strictObject({
  name: text(200),
  relation: z.enum(GUARDIAN_RELATIONS),
  phone: phoneNumber.optional(),
  /** where the guardian can be reached, when not the child's own address */
  address: text(500).optional(),
});
export type GuardianBody = z.infer<typeof guardianBody>;

/** Where the child lives or lived: a district of any state (a found child is often from another one) and its places. */
export const childAddressBody = z.strictObject({
  districtCode,
  thanaCode: localPlaceFullCode.optional(),
  blockCode: localPlaceFullCode.optional(),
  villageCode: localPlaceFullCode.optional(),
  /** a town's ward or mohalla, where the village list does not reach */
  ward: text(200).optional(),
  /** the house, street or landmark, as the child or family says it */
  line: text(500).optional(),
});
export type ChildAddressBody = z.infer<typeof childAddressBody>;

/** The profile's fields that a registration and a later change both take; the age is the registration's alone. */
const profileFields = {
  /** the child's name as the child or family says it, in any script */
  name: text(200).optional(),
  /** other names: a pet name, a spelling in another script, a name used elsewhere */
  aliases: z.array(text(200)).max(10).optional(),
  gender: z.enum(CHILD_GENDERS).optional(),
  languages: z.array(text(60)).max(10).optional(),
  /** moles, scars, birthmarks: what tells the child apart */
  identificationMarks: z.array(text(300)).max(10).optional(),
  /** parents and guardians, and how to reach them */
  guardians: z.array(guardianBody).max(6).optional(),
  address: childAddressBody.optional(),
  school: z.strictObject({ name: text(200), class: text(40).optional() }).optional(),
  disability: text(500).optional(),
  /** where, when and how the child was found or came to notice (Form 17) */
  circumstancesOfFinding: text(2000).optional(),
  photo: photoBody.optional(),
};

/**
 * The child as a registration records it: the profile's fields, and the age in one of three ways: a date of birth
 * (with the document it comes from), an estimate with its basis, or (as before) an age alone, taken as estimated on
 * the day of registration.
 */
export const registerChildBody = z.strictObject({
  ...profileFields,
  /** completed years, when neither a date of birth nor an estimate with its basis is given */
  ageYears: z.number().int().min(0).max(17).optional(),
  dateOfBirth: calendarDate.optional(),
  /** the document the date of birth comes from */
  dateOfBirthBasis: z.enum(AGE_BASES).optional(),
  ageEstimate: ageEstimateBody.optional(),
});
export type RegisterChildBody = z.infer<typeof registerChildBody>;

/**
 * PUT /cases/:id/child: the whole profile as it should now read (a field left out is cleared). The age is not here:
 * after registration it changes only by the Committee's or Board's age determination (s.94), an event on the case.
 */
export const childProfileBody = z.strictObject({
  ...profileFields,
  /** why the record is changed (a correction, the SIR found the family): kept with the version */
  reason: text(500),
});
export type ChildProfileBody = z.infer<typeof childProfileBody>;

/** How the case holds the child's age: what it was given, and the date of birth the deadlines and guards count from. */
export const childAgeView = z.object({
  dateOfBirth: z.string().nullable(),
  dateOfBirthBasis: z.enum(AGE_BASES).nullable(),
  estimate: z.object({ years: z.number().int(), basis: z.enum(AGE_BASES).nullable(), estimatedOn: z.string() }).nullable(),
  /** the day the child turns 18 as the case counts it (aftercare, age guards); null when no age is known */
  eighteenOn: z.string().nullable(),
  /** whether that day comes from a date of birth (false: from an estimate) */
  fromDateOfBirth: z.boolean(),
});
export type ChildAgeView = z.infer<typeof childAgeView>;

/** The profile as stored: the fields of the body without the reason, and the age as registered. */
export type ChildProfileRecord = Omit<ChildProfileBody, 'reason'> & { age: ChildAgeRecord };

/** The age as registration recorded it; the same shape every version carries. */
export interface ChildAgeRecord {
  dateOfBirth?: string;
  dateOfBirthBasis?: AgeBasis;
  estimate?: { years: number; basis?: AgeBasis; estimatedOn: string };
}

export const childProfileView = z.object({
  caseId: z.string(),
  /** 1 at registration, one more with each change; the ETag a change's If-Match expects */
  version: z.number().int(),
  name: z.string().nullable(),
  aliases: z.array(z.string()),
  gender: z.enum(CHILD_GENDERS).nullable(),
  age: childAgeView,
  languages: z.array(z.string()),
  identificationMarks: z.array(z.string()),
  guardians: z.array(guardianBody),
  address: childAddressBody.extend({ names: z.object({ district: z.string().nullable(), thana: z.string().nullable(), block: z.string().nullable(), village: z.string().nullable() }) }).nullable(),
  school: z.object({ name: z.string(), class: z.string().optional() }).nullable(),
  disability: z.string().nullable(),
  circumstancesOfFinding: z.string().nullable(),
  photo: photoBody.nullable(),
  updatedAt: isoTime,
});
export type ChildProfileView = z.infer<typeof childProfileView>;

/** One version of the profile: who changed which fields, when and why (never the values: those stay sealed). */
export const childProfileVersionView = z.object({
  version: z.number().int(),
  changedFields: z.array(z.string()),
  reason: z.string().nullable(),
  changedBy: z.object({ id: z.string(), role: z.string(), displayName: z.string().nullable() }),
  changedAt: isoTime,
});
export type ChildProfileVersionView = z.infer<typeof childProfileVersionView>;
