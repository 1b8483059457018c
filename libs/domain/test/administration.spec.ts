import { describe, expect, it } from '@jest/globals';
import { administers, BODY_LEVEL, mayAdministerBody, mayGrantRole, ROLE_BODIES, roleFitsBody, ROLES } from '@raksha/domain';

describe('delegated administration', () => {
  it('lets the nation set up states, a state its districts, and a district its own bodies', () => {
    expect(mayAdministerBody(['NATIONAL_ADMIN'], 'SCPS')).toBe(true);
    expect(mayAdministerBody(['NATIONAL_ADMIN'], 'CWC')).toBe(false);
    expect(mayAdministerBody(['STATE_ADMIN'], 'DCPU')).toBe(true);
    expect(mayAdministerBody(['STATE_ADMIN'], 'MWCD')).toBe(false);
    expect(mayAdministerBody(['DISTRICT_ADMIN'], 'POLICE_STATION')).toBe(true);
    expect(mayAdministerBody(['DISTRICT_ADMIN'], 'DCPU')).toBe(false);
    expect(mayAdministerBody(['DCPU_OFFICER'], 'CWC')).toBe(false);
  });

  it('gives roles down the levels, never up', () => {
    expect(mayGrantRole(['NATIONAL_ADMIN'], 'STATE_ADMIN')).toBe(true);
    expect(mayGrantRole(['STATE_ADMIN'], 'NATIONAL_ADMIN')).toBe(false);
    expect(mayGrantRole(['STATE_ADMIN'], 'CWC_MEMBER')).toBe(true);
    expect(mayGrantRole(['DISTRICT_ADMIN'], 'STATE_ADMIN')).toBe(false);
    expect(mayGrantRole(['DISTRICT_ADMIN'], 'CITIZEN')).toBe(false);
  });

  it('puts every role but a citizen in some body, and each administrator at its own level', () => {
    expect(ROLES.filter((r) => r !== 'CITIZEN' && ROLE_BODIES[r].length === 0)).toEqual([]);
    expect(roleFitsBody('STATION_OFFICER', 'POLICE_STATION')).toBe(true);
    expect(roleFitsBody('CWC_MEMBER', 'JJB')).toBe(false);
    expect(ROLE_BODIES.NATIONAL_ADMIN.map((b) => BODY_LEVEL[b])).toEqual(['NATIONAL']);
    expect(ROLE_BODIES.STATE_ADMIN.map((b) => BODY_LEVEL[b])).toEqual(['STATE']);
    expect(ROLE_BODIES.DISTRICT_ADMIN.map((b) => BODY_LEVEL[b])).toEqual(['DISTRICT']);
  });

  it("keeps each administrator to its own body's jurisdiction", () => {
    const assam = { level: 'STATE' as const, stateCode: 'AS', districtCode: null, thanaCode: null };
    expect(administers(assam, { stateCode: 'AS', districtCode: 'AS-KAMRUP' })).toBe(true);
    expect(administers(assam, { stateCode: 'RJ', districtCode: 'RJ-JAIPUR' })).toBe(false);
    expect(administers(assam, { stateCode: null, districtCode: null })).toBe(false);
    const kamrup = { level: 'DISTRICT' as const, stateCode: 'AS', districtCode: 'AS-KAMRUP', thanaCode: null };
    expect(administers(kamrup, { stateCode: 'AS', districtCode: 'AS-KAMRUP' })).toBe(true);
    expect(administers(kamrup, { stateCode: 'AS', districtCode: null })).toBe(false);
    expect(administers({ level: 'NATIONAL', stateCode: null, districtCode: null, thanaCode: null }, { stateCode: null, districtCode: null })).toBe(true);
  });
});
