// Ages as birth-date intervals: an age on a date fixes when the child was born, which does
// not change as time passes, so a child missing two years ago is simply two years older now.
import { calendarYear, DAYS_PER_YEAR, yearNumber } from './dates.js';
import { reportDate, type ChildReport, type Range } from './record.js';

/** Earliest and latest possible birth date, in fractional years since 1970. */
export interface BirthInterval {
  from: number;
  to: number;
}

/** When the child was born, from the date of birth or the age on the report's date. */
export function birthInterval(report: ChildReport): BirthInterval | undefined {
  if (report.dateOfBirth) {
    const born = yearNumber(report.dateOfBirth);
    return { from: born, to: born };
  }
  if (!report.ageYears) return undefined;
  const on = yearNumber(reportDate(report));
  // Aged 9 means born between 10 and 9 years before.
  return { from: on - report.ageYears.max - 1, to: on - report.ageYears.min };
}

/** The age range on a date, from a birth interval (whole years). */
export function ageOn(interval: BirthInterval, iso: string): Range {
  const on = yearNumber(iso);
  return { min: Math.max(0, Math.floor(on - interval.to)), max: Math.max(0, Math.floor(on - interval.from - 1e-9)) };
}

/** Years between two birth intervals; 0 when they overlap. */
export function birthGapYears(a: BirthInterval, b: BirthInterval): number {
  return Math.max(0, b.from - a.to, a.from - b.to);
}

/** Birth years a report allows, widened by a tolerance: what blocking stores per report. */
export function birthYearRange(report: ChildReport, toleranceYears = 0): Range | undefined {
  const interval = birthInterval(report);
  if (!interval) return undefined;
  return { min: calendarYear(interval.from - toleranceYears), max: calendarYear(interval.to + toleranceYears) };
}

export const BIRTH_INTERVAL_EXACT_WIDTH = 1 + 1 / DAYS_PER_YEAR;
