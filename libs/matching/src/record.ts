// The person records matching works on: what a missing-child report and a found-child report
// say about the child. Every field but the id, kind and date may be absent.
import type { FaceDescriptorRecord } from './photo.js';

export const GENDERS = ['MALE', 'FEMALE', 'TRANSGENDER', 'UNKNOWN'] as const;
export type Gender = (typeof GENDERS)[number];

/** Ordered from lightest to darkest, as police and CWC forms record it. */
export const COMPLEXIONS = ['VERY_FAIR', 'FAIR', 'WHEATISH', 'DARK', 'VERY_DARK'] as const;
export type Complexion = (typeof COMPLEXIONS)[number];

/** An inclusive range; an exact value has min === max. */
export interface Range {
  min: number;
  max: number;
}

export type GuardianRelation = 'FATHER' | 'MOTHER' | 'GUARDIAN';

export interface GuardianName {
  relation: GuardianRelation;
  /** any script */
  name: string;
}

export interface Place {
  /** ISO 3166-2:IN state code, e.g. "RJ" */
  stateCode?: string;
  /** e.g. "RJ-JAIPUR" */
  districtCode?: string;
  /** landmark, railway station, village, as written */
  text?: string;
  lat?: number;
  lon?: number;
}

export interface ChildDescription {
  id: string;
  /** the child's name as reported, in any script */
  name?: string;
  /** other names the child is known by: pet names, other spellings, other scripts */
  aliases?: string[];
  /** parents' and guardians' names */
  guardians?: GuardianName[];
  gender?: Gender;
  /** age in years on the report's date (last seen or found); exact age: min === max */
  ageYears?: Range;
  /** YYYY-MM-DD; preferred to ageYears when both are given */
  dateOfBirth?: string;
  heightCm?: Range;
  complexion?: Complexion;
  /** moles, scars, burns, tattoos, as written */
  identifyingMarks?: string;
  /** language names or ISO 639 codes: "Bhojpuri", "bn" */
  languages?: string[];
  clothing?: string;
  /** where last seen (missing report) or found (found report) */
  place?: Place;
  /** the photo's face descriptor: attached by the matcher from the biometric store, never part of a filed description */
  face?: FaceDescriptorRecord;
}

export interface MissingReport extends ChildDescription {
  kind: 'MISSING';
  /** ISO 8601 date or date-time the child was last seen */
  lastSeenAt: string;
}

export interface FoundReport extends ChildDescription {
  kind: 'FOUND';
  /** ISO 8601 date or date-time the child was found */
  foundAt: string;
}

export type ChildReport = MissingReport | FoundReport;

/** The date a report is about: last seen or found. */
export function reportDate(report: ChildReport): string {
  return report.kind === 'MISSING' ? report.lastSeenAt : report.foundAt;
}

/** Names and aliases of a report, primary name first. */
export function reportNames(report: ChildDescription): string[] {
  return [report.name, ...(report.aliases ?? [])].filter((n): n is string => n !== undefined && n.trim() !== '');
}
