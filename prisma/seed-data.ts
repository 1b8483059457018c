// Demo geography: two states and three districts, codes by ISO 3166-2:IN state code.
// The full register of states and districts with LGD codes is the registries' work.
export const SEED_STATES = [
  { code: 'RJ', name: 'Rajasthan' },
  { code: 'MH', name: 'Maharashtra' },
] as const;

export const SEED_DISTRICTS = [
  { code: 'RJ-JAIPUR', name: 'Jaipur', stateCode: 'RJ' },
  { code: 'RJ-JODHPUR', name: 'Jodhpur', stateCode: 'RJ' },
  { code: 'MH-PUNE', name: 'Pune', stateCode: 'MH' },
] as const;
