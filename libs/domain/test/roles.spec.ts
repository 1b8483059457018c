import { describe, it, expect } from '@jest/globals';
import { escalationActorsOf, hasPermission, hasRoleIn, isBodyType, isRole, POLICE_BODIES, ROLE_GROUPS, TRACK_BODY, TRACKS, trackBefore } from '../src/index.js';

describe('role groups', () => {
  it('names only known roles and bodies', () => {
    for (const roles of Object.values(ROLE_GROUPS)) for (const role of roles) expect(isRole(role)).toBe(true);
    for (const body of POLICE_BODIES) expect(isBodyType(body)).toBe(true);
  });

  it('counts the child welfare police (s.107) among the police', () => {
    for (const role of ROLE_GROUPS.childWelfarePolice) expect(ROLE_GROUPS.police).toContain(role);
    expect(ROLE_GROUPS.police).toContain('STATION_OFFICER');
    expect(ROLE_GROUPS.childWelfarePolice).not.toContain('STATION_OFFICER');
  });

  it('tells whether any of a person’s roles is in a group', () => {
    expect(hasRoleIn(['CWC_MEMBER', 'STATION_OFFICER'], 'police')).toBe(true);
    expect(hasRoleIn(['CWC_MEMBER'], 'police')).toBe(false);
    expect(hasRoleIn(['NATIONAL_MONITOR'], 'monitors')).toBe(true);
    expect(hasRoleIn([], 'monitors')).toBe(false);
  });

  it('lets monitors read but not act on cases', () => {
    for (const role of ROLE_GROUPS.monitors) {
      expect(hasPermission([role], 'case:read')).toBe(true);
      expect(hasPermission([role], 'case:event')).toBe(false);
    }
  });
});

describe(escalationActorsOf.name, () => {
  it('names who acts for each rung of the ladder, each with the permission to act', () => {
    expect(escalationActorsOf('DCPU')).toEqual(['DCPU_OFFICER']);
    expect(escalationActorsOf('SCPS')).toEqual(['SCPS_OFFICER']);
    expect(escalationActorsOf('STATE_MONITORING_CELL')).toEqual(['STATE_MONITOR']);
    for (const body of ['DCPU', 'SCPS', 'STATE_MONITORING_CELL']) {
      for (const role of escalationActorsOf(body)) expect(hasPermission([role], 'escalation:act')).toBe(true);
    }
  });

  it('names no one for a body no rung reaches', () => {
    expect(escalationActorsOf('CWC')).toEqual([]);
    expect(escalationActorsOf('toString')).toEqual([]);
  });
});

describe(trackBefore.name, () => {
  it('is the track whose cases come before the body: the CWC hears CNCP, the JJB CICL', () => {
    expect(trackBefore('CWC')).toBe('CNCP');
    expect(trackBefore('JJB')).toBe('CICL');
    for (const track of TRACKS) expect(trackBefore(TRACK_BODY[track])).toBe(track);
  });

  it('is none for a body no track comes before', () => {
    expect(trackBefore('DCPU')).toBeUndefined();
    expect(trackBefore(undefined)).toBeUndefined();
  });
});
