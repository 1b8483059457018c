// The web app's files (apps/web/dist) at /app/: the build's brotli or gzip twin when the browser takes it (made once
// at build time, apps/web/vite.config.ts), hashed chunks cached for a year, and what keeps its name across versions
// (the page, the service worker, the manifest) asked for again each time, so a new version reaches phones.
import { existsSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Vite names each chunk by its content hash: a file under assets/ never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASK_EACH_TIME = /^(index\.html|early-read\.js|sw\.js|workbox-[^/]*\.js|manifest(\.[a-z]{2})?\.webmanifest)$/;
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The built file a path under /app names (relative to `dist`), if there is one. */
function builtFileOf(dist: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const rel = relative(dist, join(dist, decoded));
  if (rel === '' || rel.startsWith('..') || rel.split(sep).some((part) => part.startsWith('.'))) return undefined;
  return isFile(join(dist, rel)) ? rel.split(sep).join('/') : undefined;
}

export function cacheControlOf(file: string): string {
  return file.startsWith('assets/') ? IMMUTABLE : ASK_EACH_TIME.test(file) ? 'no-cache' : 'public, max-age=604800';
}

/** GET and HEAD under /app: a built file, else (a page of the app) index.html, whose script decides what to show. */
export function webAppStatic(dist: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.originalUrl === '/app') return res.redirect(301, '/app/');
    const built = builtFileOf(dist, req.path);
    // a chunk of another version is missing, not a page: the HTML would fail as a script anyway
    if (!built && req.path.startsWith('/assets/')) return next();
    const file = built ?? 'index.html';
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && isFile(join(dist, file + e.ext)));
    res.setHeader('Cache-Control', cacheControlOf(file));
    res.vary('Accept-Encoding');
    if (encoding) {
      res.type(extname(file));
      res.setHeader('Content-Encoding', encoding.name);
    }
    res.sendFile(encoding ? file + encoding.ext : file, { root: dist, cacheControl: false }, (err?: Error) => {
      if (err && !res.headersSent) next(err);
    });
  };
}
