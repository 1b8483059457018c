import type { Request } from 'express';

/**
 * The route a request matched, as its template (`/cases/:id`), never the raw path: metrics and logs keep one
 * series per route, and no id or name typed into a URL reaches them.
 */
export function routeTemplateOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  // Nest mounts middleware (nestjs-pino's) as a catch-all route: that is no route of the API's.
  if (route && typeof route.path === 'string' && !route.path.includes('*')) return `${req.baseUrl}${route.path}`;
  if (req.originalUrl.startsWith('/app/') || req.originalUrl === '/app') return '/app/*';
  if (req.originalUrl.startsWith('/docs')) return '/docs/*';
  return 'unmatched';
}

/** The path without its query string (a search may carry a name in it). */
export function pathWithoutQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
