// Sign-in: request bodies of /auth/* (validated by the Standard Schema pipe) and what they answer.
import { z } from 'zod';
import { BODY_TYPES, JURISDICTION_LEVELS, ROLES } from '@raksha/domain';

/** Usernames are matched lower-cased and trimmed ("CWC.Jaipur " signs in as cwc.jaipur). */
const username = z.string().trim().toLowerCase().min(1, 'a username is required').max(64);
/** Bounded so no request can make the server hash megabytes; never trimmed. */
const password = z.string().min(1, 'a password is required').max(256);
/** Opaque to clients; bounded so a garbage token costs nothing to refuse. */
const refreshToken = z.string().min(1, 'a refresh token is required').max(256);

export const loginBody = z.strictObject({ username, password });
export type LoginBody = z.infer<typeof loginBody>;

export const refreshBody = z.strictObject({ refreshToken });
export type RefreshBody = z.infer<typeof refreshBody>;

/** Either this refresh token or the request's bearer access token names the session to end. */
export const logoutBody = z.strictObject({ refreshToken: refreshToken.optional() }).default({});
export type LogoutBody = z.infer<typeof logoutBody>;

/** The body a user belongs to, and the jurisdiction it covers. */
export const signedInBody = z.object({
  id: z.string(),
  type: z.enum(BODY_TYPES),
  name: z.string(),
  level: z.enum(JURISDICTION_LEVELS),
  stateCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  thanaCode: z.string().nullable(),
});
export type SignedInBody = z.infer<typeof signedInBody>;

export const signedInUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** null for a citizen */
  body: signedInBody.nullable(),
  /** the second sign-in step (TOTP): whether the person's roles need it (libs/domain secondStepRequired), and whether it is set up */
  secondStep: z.object({ required: z.boolean(), enrolled: z.boolean() }),
});
export type SignedInUser = z.infer<typeof signedInUser>;

/** What /auth/login and /auth/refresh answer: a new access token and a new (rotated) refresh token. */
export const tokenResponse = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  /** seconds until the access token expires */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  user: signedInUser,
  /** true while the person must set up the second sign-in step: until then the session may only do that (403 elsewhere) */
  enrolmentOnly: z.boolean(),
});
export type TokenResponse = z.infer<typeof tokenResponse>;

/** What /auth/me answers: the signed-in principal and their session. */
export const meView = signedInUser.omit({ id: true }).extend({
  userId: z.string(),
  sessionId: z.string(),
  enrolmentOnly: z.boolean(),
  /** CWC / JJB member roles held but not in force today, being outside the term of office (left out of `roles`) */
  lapsedTerm: z.object({ roles: z.array(z.string()), from: z.iso.date(), until: z.iso.date().nullable() }).optional(),
});
export type MeView = z.infer<typeof meView>;

/** What the password step answers a person with a second step set up: no token yet, a challenge to complete with a code. */
export const secondStepChallenge = z.object({
  secondStep: z.literal('TOTP'),
  /** opaque; send it back to POST /auth/mfa with the code */
  challenge: z.string(),
  /** seconds the challenge stays valid */
  expiresIn: z.number().int(),
});
export type SecondStepChallenge = z.infer<typeof secondStepChallenge>;

/** What POST /auth/login answers: tokens, or (with the second step set up) a challenge. */
export const loginResponse = z.union([tokenResponse, secondStepChallenge]);
export type LoginResponse = z.infer<typeof loginResponse>;

/** Six digits as an authenticator app shows them; a space in the middle is forgiven. */
export const totpCode = z.string().trim().max(16).regex(/^\d{3} ?\d{3}$/, 'give the six digits your authenticator app shows');
/** Ten letters and digits as printed (`abcde-fghij`); case and the dash do not matter. */
const recoveryCode = z.string().trim().toLowerCase().max(32).regex(/^[a-z2-7]{5}-?[a-z2-7]{5}$/, 'give one of your recovery codes as written, like abcde-fghij');
const challenge = z.string().min(1, 'sign in with your password again').max(512);

/** The second sign-in step: the challenge and either a TOTP code or one recovery code. */
export const secondStepBody = z
  .strictObject({ challenge, code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), { path: ['code'], message: 'give the code from your authenticator app, or one recovery code' });
export type SecondStepBody = z.infer<typeof secondStepBody>;

/** Confirming enrolment with the first code the app shows. */
export const totpConfirmBody = z.strictObject({ code: totpCode });
export type TotpConfirmBody = z.infer<typeof totpConfirmBody>;

/** What starting TOTP enrolment answers: what the authenticator app needs, as a QR code and as text to type. */
export const totpEnrolmentView = z.object({
  /** otpauth://totp/… (Key Uri Format) */
  otpauthUri: z.string(),
  /** the secret in base32, for typing into an app by hand */
  secret: z.string(),
  /** the QR code of otpauthUri as an SVG data URL, drawn by the API (nothing fetched) */
  qrCode: z.string(),
});
export type TotpEnrolmentView = z.infer<typeof totpEnrolmentView>;

/** What confirming enrolment answers: the recovery codes, shown this once (only their hashes are kept). */
export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesView = z.infer<typeof recoveryCodesView>;
