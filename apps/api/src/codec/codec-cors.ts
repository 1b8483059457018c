import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for the codec endpoint, for the Temporal Web UI's origin only: the UI calls /codec from the engineer's browser.
 * Any other origin gets no CORS headers, so browsers refuse it the answer; the bearer token is still required.
 */
export function codecCors(uiUrl: string) {
  const origin = new URL(uiUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin');
    if (req.headers.origin !== origin) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-namespace');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
