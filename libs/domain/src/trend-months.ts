// The dashboards' monthly trends: how many months a request shows, and which months the nightly roll-up counts.
import { monthInIndia, monthStartInIndia } from './india-time.js';

/** The most months one trends request shows. */
export const TREND_MONTHS_MAX = 24;

/**
 * How many closed months the nightly roll-up keeps counted: as many as a trends request can show. Older months are
 * counted live when asked for, so nothing outside the window can go stale.
 */
export const ROLLED_UP_MONTHS = TREND_MONTHS_MAX;

/** The closed months the roll-up counts at `now`: the ROLLED_UP_MONTHS before the current one (India), oldest first. */
export function monthsToRollUp(now: Date): string[] {
  const current = monthInIndia(now);
  return Array.from({ length: ROLLED_UP_MONTHS }, (_, i) => monthInIndia(monthStartInIndia(current, i - ROLLED_UP_MONTHS)));
}
