/** Kinds of child care institution and facility (s.2(21), s.47–s.53; s.65 for adoption agencies). */
export const INSTITUTION_KINDS = [
  'CHILDRENS_HOME', // s.50
  'OBSERVATION_HOME', // s.47
  'SPECIAL_HOME', // s.48
  'PLACE_OF_SAFETY', // s.49
  'OPEN_SHELTER', // s.43
  'SPECIALISED_ADOPTION_AGENCY', // s.65
  'FIT_FACILITY', // s.51
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const INSTITUTION_MANAGEMENT = ['GOVERNMENT', 'NGO'] as const;
export type InstitutionManagement = (typeof INSTITUTION_MANAGEMENT)[number];

export const CAPACITY_GENDERS = ['MALE', 'FEMALE', 'TRANSGENDER'] as const;
export type CapacityGender = (typeof CAPACITY_GENDERS)[number];

/** Age bands an institution's sanctioned capacity is given in; 18–20 is aftercare (s.46). */
export const AGE_BANDS = ['0-5', '6-11', '12-17', '18-20'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(ageYears: number): AgeBand {
  if (ageYears < 6) return '0-5';
  if (ageYears < 12) return '6-11';
  if (ageYears < 18) return '12-17';
  return '18-20';
}

/** Why a child's stay in an institution ended. */
export const DISCHARGE_REASONS = ['TRANSFERRED', 'RESTORED', 'ADOPTION', 'AFTERCARE', 'LEFT_CARE_AT_18', 'OTHER'] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];
