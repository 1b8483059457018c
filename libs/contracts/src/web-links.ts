// The one place a link into the web app is made, for every notice, email, SMS, webhook and onboarding link:
// the deployment's public address (RAKSHA_PUBLIC_URL) + the path the API serves the web app at + the page.

/** Where the API serves the web app (apps/api/src/app.ts) and the web app routes under (apps/web/src/ui/App.tsx). */
export const WEB_APP_BASE = '/app';

/**
 * A link to a page of the web app: `page` is its route ('/cases/<id>', '/inbox', '/' for home) and `fragment`
 * what follows '#' (which browsers never send to a server, so a one-time token there stays out of access logs).
 */
export function webAppLink(publicUrl: string, page: string, fragment?: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${WEB_APP_BASE}${page}${fragment === undefined ? '' : `#${fragment}`}`;
}
