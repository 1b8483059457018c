// The pages a link opens before sign-in: setting a password from an invitation or a reset link, and asking for one.

export type LinkPurpose = 'INVITATION' | 'PASSWORD_RESET';

/** What the location's fragment opens before sign-in: a link's set-password page, or the reset request. */
export type AccountPage = { page: 'set-password'; purpose: LinkPurpose; token: string } | { page: 'forgot-password' } | null;

const FRAGMENTS: Record<string, LinkPurpose> = { 'accept-invitation': 'INVITATION', 'reset-password': 'PASSWORD_RESET' };

/** Reads `#accept-invitation=<token>`, `#reset-password=<token>` (the links the API sends) and `#forgot-password`. */
export function accountPageOf(hash: string): AccountPage {
  if (hash === '#forgot-password') return { page: 'forgot-password' };
  const m = /^#([a-z-]+)=([A-Za-z0-9_-]{43})$/.exec(hash);
  const purpose = m && FRAGMENTS[m[1]!];
  return purpose ? { page: 'set-password', purpose, token: m[2]! } : null;
}
