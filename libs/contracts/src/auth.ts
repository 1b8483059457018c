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
});
export type TokenResponse = z.infer<typeof tokenResponse>;

/** What /auth/me answers: the signed-in principal and their session. */
export const meView = signedInUser.omit({ id: true }).extend({ userId: z.string(), sessionId: z.string() });
export type MeView = z.infer<typeof meView>;
