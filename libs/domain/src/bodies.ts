/** The bodies of the child-protection system a user or an escalation can belong to. */
export const BODY_TYPES = [
  'CWC', // Child Welfare Committee (district), s.27
  'JJB', // Juvenile Justice Board (district), s.4
  'DCPU', // District Child Protection Unit, s.106
  'SJPU', // Special Juvenile Police Unit (district), s.107
  'POLICE_STATION', // with its Child Welfare Police Officer, s.107(1)
  'CCI', // Child Care Institution, s.2(21)
  'CHILDLINE', // child helpline / registered NGO
  'SCPS', // State Child Protection Society, s.106
  'SARA', // State Adoption Resource Agency, s.67
  'STATE_MONITORING_CELL', // last rung of the escalation ladder (policy)
  'MWCD', // Ministry of Women and Child Development (national)
  'NCRB', // National Crime Records Bureau (national)
  'SCPCR', // State Commission for Protection of Child Rights (CPCR Act 2005, s.17; monitors the JJ Act, s.109)
  'DM_OFFICE', // the District Magistrate's office: reviews the CWC's functioning quarterly (s.27(8)), receives the JJB's pendency (s.16(3)) and may call for information from the Board and the Committee (s.16(4), inserted in 2021)
  'BCPC', // Block Child Protection Committee: a body of the Mission Vatsalya scheme's guidelines, not of the Act (state policy)
  'VCPC', // Village Child Protection Committee: a body of the Mission Vatsalya scheme's guidelines, not of the Act (state policy)
] as const;
export type BodyType = (typeof BODY_TYPES)[number];

/** The level of the jurisdiction a body serves. */
export const JURISDICTION_LEVELS = ['NATIONAL', 'STATE', 'DISTRICT', 'THANA'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export const BODY_LEVEL: Record<BodyType, JurisdictionLevel> = {
  CWC: 'DISTRICT',
  JJB: 'DISTRICT',
  DCPU: 'DISTRICT',
  SJPU: 'DISTRICT',
  POLICE_STATION: 'THANA',
  CCI: 'DISTRICT',
  CHILDLINE: 'DISTRICT',
  SCPS: 'STATE',
  SARA: 'STATE',
  STATE_MONITORING_CELL: 'STATE',
  MWCD: 'NATIONAL',
  NCRB: 'NATIONAL',
  SCPCR: 'STATE',
  DM_OFFICE: 'DISTRICT',
  // A block's or village's committee serves within its district: a case records no block or village yet, so
  // it covers what its district's bodies cover; its id carries the block's or village's code.
  BCPC: 'DISTRICT',
  VCPC: 'DISTRICT',
};

export function isBodyType(value: unknown): value is BodyType {
  return typeof value === 'string' && (BODY_TYPES as readonly string[]).includes(value);
}

/**
 * Who heads a body, as the people with `headsBody` set stand for it: the CWC's chairperson (s.27(2)), the JJB's
 * principal magistrate (s.4(2)), the DCPU's District Child Protection Officer (Model Rules r.85), the SCPS's
 * member secretary, a home's superintendent, a station's officer in charge. Administrators mark them when they
 * invite or move them (`head: true`); a body may have more than one (an acting head). An escalation its body
 * leaves unacknowledged after the reminder is put to them (reminders.ts) before the ladder climbs.
 */
export const BODY_HEAD = {
  CWC: 'chairperson (s.27(2))',
  JJB: 'principal magistrate (s.4(2))',
  DCPU: 'District Child Protection Officer (Model Rules r.85)',
} as const;
