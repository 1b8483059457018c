// The headers every answer carries, so a browser neither sniffs, frames, leaks referrers nor runs what the
// web app did not ship (OWASP Secure Headers). Written here rather than with helmet: a handful of fixed values.
import type { NextFunction, Request, Response } from 'express';

/** The web app (/app): its own scripts, styles and API only; photos shown from blob: URLs; never framed. */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
/** JSON, CSV and photos: nothing in them may run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI (/docs) runs its own bundled script and inline styles; still never framed. */
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'";

export function securityHeaders(hstsMaxAgeSeconds: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path;
    res.setHeader('Content-Security-Policy', path === '/app' || path.startsWith('/app/') ? WEB_APP_CSP : path === '/docs' || path.startsWith('/docs/') ? DOCS_CSP : API_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
    if (hstsMaxAgeSeconds > 0) res.setHeader('Strict-Transport-Security', `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
    next();
  };
}
