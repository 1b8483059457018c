import { describe, expect, it } from '@jest/globals';
import { navFor, phoneBarFor } from './roles.js';

describe('phoneBarFor', () => {
  it("puts a police officer's main places and the inbox on the phone's bottom bar, at most five", () => {
    const nav = navFor(['STATION_OFFICER'], 'POLICE_STATION');
    const bar = phoneBarFor(nav).map((n) => n.path);
    expect(bar.length).toBeLessThanOrEqual(5);
    expect(bar).toContain('/inbox');
    expect(bar).toContain('/reports');
    expect(bar).not.toContain('/notifications');
  });

  it('keeps every place of a role with few on the bar', () => {
    const nav = navFor(['CWC_MEMBER'], 'CWC');
    expect(phoneBarFor(nav).map((n) => n.path)).toEqual(nav.filter((n) => n.path !== '/notifications').map((n) => n.path));
  });
});
