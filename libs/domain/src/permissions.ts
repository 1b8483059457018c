import type { Role } from './roles.js';

/** What a role may do at the API; which case events it may send is the case machine's EVENT_AUTHORITY. */
export const PERMISSIONS = [
  'case:register:CNCP', // a found, rescued, surrendered or abandoned child
  'case:register:CICL', // an apprehension
  'case:read',
  'case:event',
  'queue:read', // "my queue": cases awaiting the user's body
  'case:assign', // give a case of the user's CWC or JJB to one of its people (or take it); "my cases"
  'escalation:read',
  'escalation:act', // acknowledge, resolve
  'policy:manage', // a state's own deadline periods
  'registry:read', // institutions, bodies and their members
  'registry:manage', // institutions of the user's jurisdiction: SCPS for its state, DCPU for its district
  'admission:manage', // admit, transfer and discharge children in an institution
  'efile:read', // a child's eFile: education in full, medical and counselling entries by kind and date only
  'efile:write',
  'efile:medical', // open sealed medical details
  'efile:counselling', // open sealed counselling notes
  'document:upload', // upload a report to a case: SIR, medical, age determination (s.94), other (docs/documents.md)
  'report:missing', // file a missing-child report (police; a citizen's waits for a station to accept it)
  'report:found', // file a found-child report
  'report:read', // missing and found reports in the jurisdiction, and match candidates
  'report:accept', // accept a citizen's missing report into the station's missing diary; close reports
  'match:decide', // confirm or reject a match candidate
  'dashboard:read', // the MIS dashboards of the jurisdiction
  'body:administer', // create, edit and deactivate bodies of the administrator's jurisdiction (which kinds: ADMINISTRATION)
  'person:administer', // invite, move and deactivate people of the administrator's jurisdiction (which roles: ADMINISTRATION)
  'audit:read', // the access log of a child's record and of a person, in the jurisdiction: who read or changed what
  'delivery:manage', // a state's email/SMS/webhook deliveries: failed ones and their retry, partners' webhook subscriptions
  // decode Temporal payloads (/codec): a workflow's history shows any case in the country, so only a national reader may
  'workflow:decode',
  'intervention:read', // helpline interventions of the jurisdiction
  'intervention:act', // record that a helpline call's child was reached or rescued, or close the intervention with a reason
  'partner:administer', // register, rotate and revoke partner systems' OAuth clients in the administrator's jurisdiction
  'legacy:import', // port a legacy register's missing and found children's records (docs/porting.md)
  'records:hold', // place or lift a legal hold on a CICL case's s.24 destruction, on the Board's or a court's order
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const POLICE: Permission[] = [
  'case:register:CNCP',
  'case:register:CICL',
  'case:read',
  'case:event',
  'registry:read',
  'report:missing',
  'report:found',
  'report:read',
  'report:accept',
  'match:decide',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  CWC_MEMBER: [
    'case:register:CNCP',
    'case:read',
    'case:event',
    'queue:read',
    'case:assign',
    'registry:read',
    'efile:read',
    'efile:medical',
    'efile:counselling',
    'document:upload',
    'report:found',
    'report:read',
    'match:decide',
  ],
  JJB_MEMBER: ['case:read', 'case:event', 'queue:read', 'case:assign', 'registry:read', 'efile:read', 'efile:medical', 'efile:counselling', 'document:upload', 'records:hold'],
  DCPU_OFFICER: [
    'case:register:CNCP',
    'case:read',
    'case:event',
    'queue:read',
    'escalation:read',
    'escalation:act',
    'registry:read',
    'registry:manage',
    'admission:manage',
    'efile:read',
    'efile:write',
    'efile:medical',
    'document:upload',
    'report:found',
    'report:read',
    'match:decide',
    'dashboard:read',
    'intervention:read',
    'intervention:act',
    'legacy:import',
  ],
  PROBATION_OFFICER: ['case:read', 'case:event', 'queue:read', 'registry:read', 'efile:read', 'efile:write', 'efile:counselling', 'document:upload'],
  SJPU_OFFICER: POLICE,
  CHILD_WELFARE_POLICE_OFFICER: POLICE,
  STATION_OFFICER: [...POLICE, 'legacy:import'],
  // CCI staff include the institution's counsellor and medical officer, who keep those parts of the eFile.
  CCI_STAFF: [
    'case:register:CNCP',
    'case:read',
    'case:event',
    'queue:read',
    'registry:read',
    'admission:manage',
    'efile:read',
    'efile:write',
    'efile:medical',
    'efile:counselling',
    'document:upload',
    'report:found',
  ],
  CHILDLINE_WORKER: ['case:register:CNCP', 'case:read', 'registry:read', 'report:found', 'intervention:read', 'intervention:act'],
  SCPS_OFFICER: ['case:read', 'escalation:read', 'escalation:act', 'intervention:read', 'policy:manage', 'registry:read', 'registry:manage', 'efile:read', 'dashboard:read', 'delivery:manage', 'legacy:import'],
  SARA_OFFICER: ['case:read', 'registry:read'],
  STATE_MONITOR: ['case:read', 'escalation:read', 'escalation:act', 'intervention:read', 'registry:read', 'efile:read', 'report:read', 'dashboard:read', 'audit:read'],
  NATIONAL_MONITOR: ['case:read', 'escalation:read', 'registry:read', 'report:read', 'dashboard:read', 'workflow:decode', 'audit:read'],
  // Citizens file reports (missing and found children) once their phone or email is verified, and see only their own.
  CITIZEN: ['report:missing', 'report:found'],
  // Administrators onboard; they read the registry they keep and no child's case, only who read it (the access log).
  NATIONAL_ADMIN: ['registry:read', 'body:administer', 'person:administer', 'audit:read', 'partner:administer'],
  STATE_ADMIN: ['registry:read', 'body:administer', 'person:administer', 'audit:read', 'partner:administer'],
  DISTRICT_ADMIN: ['registry:read', 'body:administer', 'person:administer', 'audit:read', 'partner:administer'],
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
