// Delegated administration: creating and keeping bodies, inviting and managing people, and the one-time links
// (invitation, password reset) a person sets their password from.
import { z } from 'zod';
import { BODY_TYPES, MEMBER_DESIGNATIONS, ROLES, TERM_STATUSES } from '@raksha/domain';
import { bodyView } from './registries.js';
import { districtCode, isoTime, lgdCode, phoneNumber, stateCode } from './shared.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** A person signs in with their email address, so it is bounded as a username is. */
const email = z.string().trim().toLowerCase().max(64, 'at most 64 characters (it is also the username)').pipe(z.email({ message: 'an email address' }));
/** Indian mobile numbers: 10 digits, optionally with +91. */
const mobile = z.string().trim().regex(/^(\+91)?[6-9][0-9]{9}$/, 'a 10-digit Indian mobile number, optionally with +91');
/** A new password: long enough to resist guessing (NIST SP 800-63B asks at least 8; we ask 12), bounded for hashing. */
export const PASSWORD_MIN_LENGTH = 12;
const newPassword = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(256);
/** The token of a one-time link: 32 random bytes, base64url. */
const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the token from the link, exactly as sent');

/**
 * A new body. Its id is `<TYPE>-<code>`: the code of its place (a district's CWC: CWC-AS-KAMRUP) or, for a
 * police station, block or village committee (several per district), its own LGD-style code.
 */
export const createBodyBody = z.strictObject({
  type: z.enum(BODY_TYPES),
  name: text(200),
  stateCode: stateCode.optional(),
  districtCode: districtCode.optional(),
  /** a police station's, block's or village's own code; for one more body of a kind in a district, a suffix */
  code: lgdCode.optional(),
  address: text(500).nullable().optional(),
  phone: phoneNumber.nullable().optional(),
});
export type CreateBodyBody = z.infer<typeof createBodyBody>;

/** What an edit may change: never the kind, the id or the place (create another body instead). */
export const updateBodyBody = z
  .strictObject({ name: text(200), address: text(500).nullable(), phone: phoneNumber.nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one of name, address, phone' });
export type UpdateBodyBody = z.infer<typeof updateBodyBody>;

const day = z.iso.date({ message: 'a date as YYYY-MM-DD' });
/**
 * A CWC or JJB member's term of office (s.27 / s.4): from the day of the state government's notification to the
 * term's last day, both included. Required when the role is CWC_MEMBER or JJB_MEMBER, refused for any other.
 */
export const memberTerm = z.strictObject({ from: day, until: day });
export type MemberTermBody = z.infer<typeof memberTerm>;

export const inviteBody = z.strictObject({
  email,
  mobile: mobile.optional(),
  displayName: text(200),
  bodyId: z.string().regex(/^[A-Z0-9_-]+$/, 'a body id such as CWC-AS-KAMRUP').max(100),
  role: z.enum(ROLES),
  /** whether they head the body (its CWC chairperson, JJB principal magistrate, DCPU's DCPO: libs/domain BODY_HEAD); default false */
  head: z.boolean().optional(),
  /** the member's term of office: required for CWC_MEMBER and JJB_MEMBER, refused for other roles */
  term: memberTerm.optional(),
});
export type InviteBody = z.infer<typeof inviteBody>;

export const movePersonBody = z.strictObject({
  bodyId: z.string().regex(/^[A-Z0-9_-]+$/, 'a body id such as CWC-AS-KAMRUP').max(100),
  role: z.enum(ROLES),
  /** whether they head the body (its CWC chairperson, JJB principal magistrate, DCPU's DCPO: libs/domain BODY_HEAD); default false */
  head: z.boolean().optional(),
  /** the member's term of office in the new role: required for CWC_MEMBER and JJB_MEMBER, refused for other roles */
  term: memberTerm.optional(),
});
export type MovePersonBody = z.infer<typeof movePersonBody>;

export const personIdParam = z.uuid({ message: 'a person id is a UUID' });

export const peopleQuery = z.strictObject({ bodyId: z.string().regex(/^[A-Z0-9_-]+$/, 'a body id such as CWC-AS-KAMRUP').max(100) });
export type PeopleQuery = z.infer<typeof peopleQuery>;

/** Set a password from an invitation or a reset link; the link works once. */
export const setPasswordBody = z.strictObject({ token: linkToken, password: newPassword });
export type SetPasswordBody = z.infer<typeof setPasswordBody>;

export const passwordResetRequestBody = z.strictObject({ email });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBody>;

/** A person as their administrators see them. */
export const personView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  bodyId: z.string().nullable(),
  roles: z.array(z.string()),
  /** heads their body: an escalation it leaves unacknowledged after the reminder is put to them */
  head: z.boolean(),
  /** INVITED until they set a password from their invitation; DEACTIVATED once deactivated */
  status: z.enum(['INVITED', 'ACTIVE', 'DEACTIVATED']),
  /** has set up the second sign-in step (an authenticator app); an administrator may reset it for a lost phone */
  secondStep: z.boolean(),
  /**
   * a CWC or JJB member's seat on their body's roster (GET /bodies/:id): its designation, term of office and where
   * today falls in it (ENDING_SOON: within libs/domain TERM_ENDING_WITHIN_DAYS); null for other roles, and for a
   * member whose seat is not on the roster. Outside it (NOT_BEGUN, ENDED) they cannot act as a member.
   */
  term: z.object({ from: z.iso.date(), until: z.iso.date().nullable(), status: z.enum(TERM_STATUSES), designation: z.enum(MEMBER_DESIGNATIONS) }).nullable(),
  createdAt: isoTime,
});
export type PersonView = z.infer<typeof personView>;

/** A seat on a CWC's or JJB's roster whose term has ended or ends soon (GET /people/terms-ending). */
export const seatTermView = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  name: z.string(),
  designation: z.enum(MEMBER_DESIGNATIONS),
  from: z.iso.date(),
  until: z.iso.date(),
  status: z.enum(TERM_STATUSES),
  /** the account of the seat's holder, if they have one */
  userId: z.string().nullable(),
});
export type SeatTermView = z.infer<typeof seatTermView>;

/** What an invitation answers: the person (INVITED) and until when the link works. The link itself goes only to them. */
export const invitationView = z.object({ person: personView, expiresAt: isoTime });
export type InvitationView = z.infer<typeof invitationView>;

/** The body, as administration answers it: the registry's view without its sittings and members. */
export const administeredBodyView = bodyView.omit({ sittingDays: true, members: true });
export type AdministeredBodyView = z.infer<typeof administeredBodyView>;
