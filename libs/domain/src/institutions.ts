/**
 * The registered places a CWC or JJB may place a child in: child care institutions and facilities (s.2(21),
 * s.47–s.53; s.65 for adoption agencies), and the persons and families it recognises for a child's care.
 */
export const INSTITUTION_KINDS = [
  'CHILDRENS_HOME', // s.50
  'OBSERVATION_HOME', // s.47
  'SPECIAL_HOME', // s.48
  'PLACE_OF_SAFETY', // s.49
  'OPEN_SHELTER', // s.43
  'SPECIALISED_ADOPTION_AGENCY', // s.65
  'FIT_FACILITY', // s.2(27), recognised under s.51(1)
  'FIT_PERSON', // s.2(28): recognised as fit by the CWC or JJB after inquiry
  'FOSTER_FAMILY', // s.2(29), s.44: selected, qualified, approved and supervised (Model Rules r.23)
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Who runs the place; a fit person or a foster family is neither government nor an NGO. */
export const INSTITUTION_MANAGEMENT = ['GOVERNMENT', 'NGO', 'FAMILY'] as const;
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
