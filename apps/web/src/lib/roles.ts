// Where each role's work is: its home page and the pages its permissions open.
import { escalationActorsOf, hasPermission, hasRoleIn, type Role } from '@raksha/domain';
import type { MessageKey } from './i18n.js';

export interface NavItem {
  path: string;
  label: MessageKey;
}

export function navFor(roles: readonly string[], bodyType?: string): NavItem[] {
  const r = roles as Role[];
  const items: NavItem[] = [];
  if (hasPermission(r, 'queue:read')) items.push({ path: '/queue', label: 'nav.queue' });
  if (bodyType === 'CCI' && hasPermission(r, 'admission:manage')) items.push({ path: '/institution', label: 'nav.institution' });
  if (hasPermission(r, 'intervention:act')) items.push({ path: '/interventions', label: 'nav.interventions' });
  if (hasPermission(r, 'escalation:read')) items.push({ path: '/escalations', label: 'nav.escalations' });
  if (hasPermission(r, 'dashboard:read')) items.push({ path: '/dashboard', label: 'nav.dashboard' });
  if (hasPermission(r, 'case:read')) {
    items.push(hasRoleIn(roles, 'monitors') ? { path: '/search', label: 'nav.search' } : { path: '/cases', label: 'nav.cases' });
  }
  if (hasPermission(r, 'case:register:CNCP') || hasPermission(r, 'case:register:CICL')) items.push({ path: '/register', label: 'nav.register' });
  if (hasPermission(r, 'registry:manage')) items.push({ path: '/registry', label: 'nav.registry' });
  if (hasPermission(r, 'body:administer') || hasPermission(r, 'person:administer')) items.push({ path: '/admin', label: 'nav.admin' });
  const citizen = roles.includes('CITIZEN');
  if (citizen) items.push({ path: '/reports', label: 'nav.myReports' }, { path: '/verify', label: 'nav.verify' });
  else if (hasPermission(r, 'report:read')) items.push({ path: '/reports', label: 'nav.reports' });
  else if (hasPermission(r, 'report:found')) items.push({ path: '/reports/new/found', label: 'nav.reportFound' });
  // the police's dashboard: their station's and district's children and reports
  if (hasRoleIn(roles, 'police') && !hasPermission(r, 'dashboard:read')) items.push({ path: '/dashboard', label: 'nav.dashboard' });
  if (citizen || hasPermission(r, 'report:read') || hasPermission(r, 'escalation:read')) items.push({ path: '/inbox', label: 'nav.inbox' });
  if (hasPermission(r, 'delivery:manage')) items.push({ path: '/deliveries', label: 'nav.deliveries' });
  // notices reach the people of a body: how they are reached is theirs to choose
  if (bodyType) items.push({ path: '/notifications', label: 'nav.notifications' });
  return items;
}

/** The page a role lands on after signing in. */
export function homeOf(roles: readonly string[], bodyType?: string): string {
  if (hasRoleIn(roles, 'boards')) return '/queue';
  // Monitors watch the dashboard even where their cell is a rung of the ladder.
  if (hasRoleIn(roles, 'monitors')) return '/dashboard';
  if (escalationActorsOf(bodyType ?? '').some((r) => roles.includes(r))) return '/escalations';
  if (bodyType === 'CCI' && hasPermission(roles as Role[], 'admission:manage')) return '/institution';
  if (hasRoleIn(roles, 'police')) return '/cases';
  if (roles.includes('CITIZEN')) return '/reports';
  return navFor(roles, bodyType)[0]?.path ?? '/none';
}

export function registrableTracks(roles: readonly string[]): ('CNCP' | 'CICL')[] {
  const r = roles as Role[];
  return (['CNCP', 'CICL'] as const).filter((track) => hasPermission(r, `case:register:${track}`));
}

/** A phone's bottom bar: the role's main places (at most five, in the order of `navFor`), the inbox always among them. */
export function phoneBarFor(nav: readonly NavItem[]): NavItem[] {
  const inbox = nav.find((n) => n.path === '/inbox');
  // settings-like places stay in the menu
  const places = nav.filter((n) => n !== inbox && n.path !== '/notifications' && n.path !== '/deliveries');
  return [...places.slice(0, inbox ? 4 : 5), ...(inbox ? [inbox] : [])];
}
