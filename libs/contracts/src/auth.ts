// Sign-in: request bodies of /auth/* (validated by the Standard Schema pipe) and what it answers.
import { z } from 'zod';
import type { BodyType, JurisdictionLevel, Role } from '@raksha/domain';

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

export interface SignedInBody {
  id: string;
  type: BodyType;
  name: string;
  level: JurisdictionLevel;
  stateCode: string | null;
  districtCode: string | null;
  thanaCode: string | null;
}

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** null for a citizen */
  body: SignedInBody | null;
}

/** What /auth/login and /auth/refresh answer: a new access token and a new (rotated) refresh token. */
export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** seconds until the access token expires */
  expiresIn: number;
  refreshToken: string;
  user: SignedInUser;
}
