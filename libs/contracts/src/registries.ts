// Requests of the registries API (institutions, bodies, their members and sitting days) and what it answers.
import { z } from 'zod';
import { AGE_BANDS, BODY_TYPES, CAPACITY_GENDERS, INSTITUTION_KINDS, INSTITUTION_MANAGEMENT, MEMBER_DESIGNATIONS } from '@raksha/domain';
import { actorRef, cursorPage, districtCode, isoTime, phoneNumber, startsLikeFormula, stateCode } from './shared.js';
import { idCursorParam } from './cursor.js';

/**
 * The physical-infrastructure checklist of a child care institution, item → present.
 * Model Rules 2016, R.29 (physical infrastructure) and R.31 (sanitation and hygiene); which items the checklist asks
 * is the state's inspection list (policy), not a list either rule gives.
 */
export const INFRASTRUCTURE_ITEMS = [
  'SEPARATE_PREMISES_BY_GENDER', // girls and boys housed separately
  'SEPARATE_PREMISES_BY_AGE', // age groups and CICL / CNCP kept apart
  'DORMITORIES',
  'CLASSROOMS',
  'SICK_ROOM', // sick room or first-aid room
  'KITCHEN',
  'DINING_HALL',
  'STORE',
  'RECREATION_ROOM',
  'LIBRARY',
  'COUNSELLING_ROOM',
  'VISITORS_ROOM', // family visits and interaction
  'OFFICE',
  'VOCATIONAL_WORKSHOP',
  'PLAYGROUND',
  'TOILETS_ONE_PER_SEVEN', // at least one toilet for seven children
  'BATHROOMS_ONE_PER_TEN', // at least one bathroom for ten children
  'TREATED_DRINKING_WATER',
  'BARRIER_FREE_ACCESS', // children with disabilities
] as const;
export type InfrastructureItem = (typeof INFRASTRUCTURE_ITEMS)[number];

/** Days a CWC or JJB sits; a CWC sits at least 20 days a month (s.28(1)). */
export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

/** The seats of a CWC and a JJB: libs/domain member-terms, where a member's term of office lives. */
export { MEMBER_DESIGNATIONS, MEMBER_SEATS } from '@raksha/domain';

/** Registration of an institution runs out this many days ahead: EXPIRING. */
export const EXPIRING_WITHIN_DAYS = 90;
export const REGISTRATION_STATUSES = ['VALID', 'EXPIRING', 'EXPIRED', 'UNREGISTERED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** What one import may carry. */
export const IMPORT_LIMITS = { bytes: 2 * 1024 * 1024, rows: 5000 } as const;

/** Registry text reaches the district's and the state's CSVs: it may not start like a formula (startsLikeFormula). */
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((s) => !startsLikeFormula(s), 'may not start with = + - or @ (a spreadsheet would run it as a formula)');
const date = z.iso.date({ message: 'a date as YYYY-MM-DD' });

/** The longest slug of a name a generated institution id carries. */
export const INSTITUTION_SLUG_MAX = 48;
/** Long enough for any generated id (`CCI-` + a district code of up to 60 + `-` + the slug), so every id reads back. */
export const INSTITUTION_ID_MAX = 'CCI-'.length + 60 + 1 + INSTITUTION_SLUG_MAX;
export const institutionIdParam = z.string().regex(/^[A-Z0-9-]+$/, 'an institution id such as CCI-RJ-JAIPUR').max(INSTITUTION_ID_MAX);
export const bodyIdParam = z.string().regex(/^[A-Z0-9_-]+$/, 'a body id such as CWC-RJ-JAIPUR').max(100);

const capacity = z.strictObject({
  gender: z.enum(CAPACITY_GENDERS),
  ageBand: z.enum(AGE_BANDS),
  sanctioned: z.int().min(0).max(10_000),
});
const capacities = z
  .array(capacity)
  .max(CAPACITY_GENDERS.length * AGE_BANDS.length)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const key = `${r.gender} ${r.ageBand}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `${r.gender} ${r.ageBand} is given twice` });
      seen.add(key);
    });
  });

/** The s.41 registration certificate: its number and validity (the last day it is valid). */
const registration = z
  .strictObject({ no: text(100), from: date, until: date })
  .refine((r) => r.until > r.from, { path: ['until'], message: 'the registration must end after it starts' });

const infrastructure = z.partialRecord(z.enum(INFRASTRUCTURE_ITEMS), z.boolean());

export const createInstitutionBody = z.strictObject({
  /** generated as CCI-<district>-<slug of the name> when not given */
  id: institutionIdParam.optional(),
  name: text(200),
  districtCode,
  kind: z.enum(INSTITUTION_KINDS),
  management: z.enum(INSTITUTION_MANAGEMENT),
  /** null or absent: not (yet) registered under s.41 */
  registration: registration.nullable().optional(),
  address: text(500).nullable().optional(),
  phone: phoneNumber.nullable().optional(),
  infrastructure: infrastructure.optional(),
  capacities: capacities.optional(),
});
export type CreateInstitutionBody = z.infer<typeof createInstitutionBody>;

/** A partial update: `infrastructure` merges item by item, `capacities` replaces the whole set, null clears. */
export const updateInstitutionBody = z
  .strictObject({
    name: text(200).optional(),
    kind: z.enum(INSTITUTION_KINDS).optional(),
    management: z.enum(INSTITUTION_MANAGEMENT).optional(),
    registration: registration.nullable().optional(),
    address: text(500).nullable().optional(),
    phone: phoneNumber.nullable().optional(),
    infrastructure: infrastructure.optional(),
    capacities: capacities.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateInstitutionBody = z.infer<typeof updateInstitutionBody>;

export const institutionListQuery = z.strictObject({
  stateCode: stateCode.optional(),
  districtCode: districtCode.optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  management: z.enum(INSTITUTION_MANAGEMENT).optional(),
  /** registrations whose last valid day is before this date (expired ones included; unregistered not) */
  registrationExpiringBefore: date.optional(),
  cursor: idCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type InstitutionListQuery = z.infer<typeof institutionListQuery>;

export const importQuery = z.strictObject({ dryRun: z.stringbool().optional() });
export type ImportQuery = z.infer<typeof importQuery>;
/** The JSON form of an import, for clients that cannot send text/csv. */
export const importJsonBody = z.strictObject({ csv: z.string().min(1) });

export const bodyListQuery = z.strictObject({
  type: z.enum(BODY_TYPES).optional(),
  stateCode: stateCode.optional(),
  districtCode: districtCode.optional(),
  cursor: idCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type BodyListQuery = z.infer<typeof bodyListQuery>;

export const replaceMembersBody = z.strictObject({
  members: z
    .array(
      z
        .strictObject({
          name: text(200),
          designation: z.enum(MEMBER_DESIGNATIONS),
          termFrom: date,
          termTo: date.nullable().optional(),
          /** the account of the seat's holder (a CWC / JJB member of this body): outside the term they cannot act as a member */
          userId: z.uuid({ message: 'a person id is a UUID' }).nullable().optional(),
        })
        .refine((m) => !m.termTo || m.termTo > m.termFrom, { path: ['termTo'], message: 'the term must end after it starts' }),
    )
    .max(10),
});
export type ReplaceMembersBody = z.infer<typeof replaceMembersBody>;

export const replaceSittingDaysBody = z.strictObject({
  sittingDays: z
    .array(z.enum(WEEKDAYS))
    .max(7)
    .refine((d) => new Set(d).size === d.length, { message: 'a day is given twice' }),
});
export type ReplaceSittingDaysBody = z.infer<typeof replaceSittingDaysBody>;

export const registrationView = z.object({
  no: z.string().nullable(),
  from: z.iso.date().nullable(),
  until: z.iso.date().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
});
export type RegistrationView = z.infer<typeof registrationView>;

export const institutionView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  level: z.string(),
  stateCode: z.string(),
  districtCode: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  kind: z.string(),
  management: z.string(),
  registration: registrationView,
  infrastructure: infrastructure,
  capacities: z.array(z.object({ gender: z.string(), ageBand: z.string(), sanctioned: z.number().int() })),
  version: z.number().int(),
});
export type InstitutionView = z.infer<typeof institutionView>;
export const institutionPage = cursorPage(institutionView);

/** A seat on the body's roster; `userId` names the account of its holder, whose term of office it is. */
export const memberView = z.object({ id: z.string(), name: z.string(), designation: z.string(), termFrom: z.iso.date(), termTo: z.iso.date().nullable(), userId: z.string().nullable() });
export type MemberView = z.infer<typeof memberView>;

export const bodyView = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  level: z.string(),
  stateCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  thanaCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  sittingDays: z.array(z.string()),
  members: z.array(memberView),
  /** when an administrator deactivated the body; null while it works */
  deactivatedAt: isoTime.nullable(),
  version: z.number().int(),
});
export type BodyView = z.infer<typeof bodyView>;
export const bodyPage = cursorPage(bodyView);

/** One change of a registry record, with the record before and after it. */
export const registryHistoryEntry = z.object({ position: z.number().int(), action: z.string(), actor: actorRef, at: isoTime, before: z.unknown(), after: z.unknown() });
export type RegistryHistoryEntry = z.infer<typeof registryHistoryEntry>;

export const importRejection = z.object({
  /** the 1-based line of the file (the header is line 1) */
  row: z.number().int(),
  column: z.string().optional(),
  /** plain English */
  reason: z.string(),
  /** the reason's key and values, for a client to say it in its reader's language (as a field issue's) */
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRejection = z.infer<typeof importRejection>;

/** What an import answers: 200 for a dry run, 201 once written; a bad file is a 422 naming its rows. */
export const importOutcome = z.object({
  dryRun: z.boolean(),
  /** rows written (0 on a dry run) */
  imported: z.number().int(),
  /** rows that are valid and would be (or were) written */
  valid: z.number().int(),
  ids: z.array(z.string()),
});
export type ImportOutcome = z.infer<typeof importOutcome>;
