import { createHash, randomBytes } from 'node:crypto';
import type { RakshaConfig } from '@raksha/config';
import { webAppLink } from '@raksha/contracts';
import type { AccountLinkPurpose } from '@raksha/db';

/** A one-time link's token (32 random bytes, base64url) and the SHA-256 the database keeps instead of it. */
export function issueLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: linkTokenHash(token) };
}

export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The fragment that opens the web app's set-password page for each kind of link. */
export const LINK_FRAGMENT: Record<AccountLinkPurpose, string> = { INVITATION: 'accept-invitation', PASSWORD_RESET: 'reset-password' };

/**
 * Where a link takes the person: the web app's set-password page. The token rides in the fragment, which
 * browsers never send to a server, so no access log or proxy keeps it.
 */
export function setPasswordUrl(publicUrl: string, purpose: AccountLinkPurpose, token: string): string {
  return webAppLink(publicUrl, '/', `${LINK_FRAGMENT[purpose]}=${token}`);
}

/**
 * How a one-time link reaches its person. With the email channel on, by email alone (Notice.accountLink, never
 * stored): the inbox copy, which they cannot open before they have a password, only says where the link went.
 * Without it the inbox message is the only way, so it holds the link (docs/notifications.md).
 */
export function linkNotice(config: Pick<RakshaConfig, 'publicUrl' | 'notify'>, purpose: AccountLinkPurpose, token: string): { link: string; accountLink?: string } {
  const url = setPasswordUrl(config.publicUrl, purpose, token);
  return config.notify.channels.includes('email') ? { link: 'the link sent to your email address', accountLink: url } : { link: url };
}
