// Dates as numbers, for ages and elapsed time. No time zones: a day is the unit of evidence.

import { memoiseByText } from './memo.js';

const MS_PER_DAY = 86_400_000;
export const DAYS_PER_YEAR = 365.25;

/** Days since 1970-01-01 of an ISO date or date-time (its calendar date as written); memoised: every pair compared reads both dates. */
export const dayNumber = memoiseByText((iso: string): number => {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  const ms = Date.parse(date ?? iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${iso}`);
  return Math.floor(ms / MS_PER_DAY);
});

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** A date as fractional years since 1970, for birth-date intervals. */
export function yearNumber(iso: string): number {
  return dayNumber(iso) / DAYS_PER_YEAR;
}

/** The calendar year of a fractional year number. */
export function calendarYear(yearNum: number): number {
  return new Date(Math.floor(yearNum * DAYS_PER_YEAR) * MS_PER_DAY).getUTCFullYear();
}
