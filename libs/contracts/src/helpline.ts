// Helpline intake (1098, 112, 181) and the interventions it opens: what a helpline system sends and reads back, and
// what the district's CHILDLINE unit and DCPU record of each.
import { z } from 'zod';
import { HELPLINES, INTERVENTION_CLOSE_REASONS, INTERVENTION_STATUSES } from '@raksha/case-machine';
import { CHILD_GENDERS } from './cases.js';
import { escalationView } from './escalations.js';
import { districtCode, isoTime, stateCode } from './shared.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const CALLER_RELATIONS = ['THE_CHILD', 'PARENT', 'RELATIVE', 'NEIGHBOUR', 'TEACHER', 'PASSER_BY', 'POLICE', 'OTHER'] as const;
export const DISTRESS_KINDS = ['ABANDONED', 'LOST', 'RUNAWAY', 'ABUSE', 'CHILD_LABOUR', 'CHILD_MARRIAGE', 'TRAFFICKING', 'BEGGING', 'MEDICAL', 'OTHER'] as const;

/** Where the child is: the district always, a police station's code or coordinates (both of them) when known. */
export const callPlace = z
  .strictObject({
    stateCode,
    districtCode,
    /** the police station's place code, as GET /places/districts/:code/local lists it */
    thanaCode: text(60).optional(),
    /** India lies within about 6–38° N, 68–98° E */
    lat: z.number().min(6).max(38).optional(),
    lon: z.number().min(68).max(98).optional(),
    text: text(500).optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.lat === undefined) !== (p.lon === undefined)) {
      ctx.addIssue({ code: 'custom', path: [p.lat === undefined ? 'lat' : 'lon'], message: 'coordinates need both lat and lon' });
    }
  });

export const helplineCallBody = z.strictObject({
  /** the helpline's own id of the call; the same id again is the same call */
  callId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:/-]+$/, 'letters, digits and . _ : / -'),
  calledAt: isoTime,
  place: callPlace,
  callerRelation: z.enum(CALLER_RELATIONS),
  child: z.strictObject({
    /** what the caller said of the child: age, clothes, marks, where exactly */
    description: text(1000),
    gender: z.enum(CHILD_GENDERS).optional(),
    ageYears: z.number().int().min(0).max(17).optional(),
  }),
  distress: z.enum(DISTRESS_KINDS),
});
export type HelplineCallBody = z.infer<typeof helplineCallBody>;

export const helplineCallIdParam = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:/-]+$/, 'a call id as the helpline sent it');

/** What the helpline is told of its call: the intervention it belongs to and how it stands. */
export const helplineCallStatus = z.object({
  callId: z.string(),
  interventionId: z.uuid(),
  /** true when the call joined an intervention an earlier call opened */
  joined: z.boolean(),
  status: z.enum(INTERVENTION_STATUSES),
  respondBy: isoTime,
  reachedAt: isoTime.nullable(),
  rescuedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  closeReason: z.enum(INTERVENTION_CLOSE_REASONS).nullable(),
  /** the child's CNCP case, once rescued */
  caseId: z.uuid().nullable(),
  /** that case's readable number (RJ/JAIPUR/2026/123), once the case is on record */
  caseNumber: z.string().nullable(),
});
export type HelplineCallStatus = z.infer<typeof helplineCallStatus>;

export const interventionIdParam = z.uuid({ message: 'an intervention id is a UUID' });

export const interventionListQuery = z.strictObject({
  status: z.enum(INTERVENTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InterventionListQuery = z.infer<typeof interventionListQuery>;

export const interventionView = z.object({
  id: z.uuid(),
  helpline: z.enum(HELPLINES),
  stateCode: z.string(),
  districtCode: z.string(),
  thanaCode: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  placeText: z.string().nullable(),
  ownerBodyId: z.string(),
  childDescription: z.string(),
  distress: z.enum(DISTRESS_KINDS),
  status: z.enum(INTERVENTION_STATUSES),
  firstCalledAt: isoTime,
  respondBy: isoTime,
  overdue: z.boolean(),
  reachedAt: isoTime.nullable(),
  rescuedAt: isoTime.nullable(),
  caseId: z.uuid().nullable(),
  /** that case's readable number (RJ/JAIPUR/2026/123), once the case is on record */
  caseNumber: z.string().nullable(),
  closedAt: isoTime.nullable(),
  closeReason: z.enum(INTERVENTION_CLOSE_REASONS).nullable(),
  closeNote: z.string().nullable(),
  calls: z.number().int(),
});
export type InterventionView = z.infer<typeof interventionView>;

export const helplineCallView = z.object({
  helpline: z.enum(HELPLINES),
  callId: z.string(),
  calledAt: isoTime,
  callerRelation: z.enum(CALLER_RELATIONS),
  childDescription: z.string(),
  distress: z.enum(DISTRESS_KINDS),
});

export const interventionDetailView = interventionView.extend({ callsReceived: z.array(helplineCallView), escalations: z.array(escalationView) });
export type InterventionDetailView = z.infer<typeof interventionDetailView>;

/** When it happened, if not now: recorded after the fact, never in the future, never before the first call. */
const happenedAt = isoTime.optional();

export const interventionReachedBody = z.strictObject({ at: happenedAt, note: text(1000).optional() });
export type InterventionReachedBody = z.infer<typeof interventionReachedBody>;

export const interventionRescuedBody = z.strictObject({
  at: happenedAt,
  child: z
    .strictObject({
      name: text(200).optional(),
      ageYears: z.number().int().min(0).max(17).optional(),
      gender: z.enum(CHILD_GENDERS).optional(),
    })
    .default({}),
  note: text(1000).optional(),
});
export type InterventionRescuedBody = z.infer<typeof interventionRescuedBody>;

export const interventionClosedBody = z.strictObject({ reason: z.enum(INTERVENTION_CLOSE_REASONS), note: text(1000).optional(), at: happenedAt });
export type InterventionClosedBody = z.infer<typeof interventionClosedBody>;
