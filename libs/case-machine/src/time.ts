/** ISO-8601 durations and times, computed purely: the machine never reads a clock. */

export interface IsoDurationParts {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseIsoDuration(duration: string): IsoDurationParts {
  const m = DURATION.exec(duration);
  if (!m || duration === 'P' || duration.endsWith('T') || duration === '-P') {
    throw new RangeError(`not an ISO-8601 duration: ${duration}`);
  }
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return {
    sign: m[1] ? -1 : 1,
    years: n(2),
    months: n(3),
    weeks: n(4),
    days: n(5),
    hours: n(6),
    minutes: n(7),
    seconds: n(8),
  };
}

export function isIsoDuration(value: string): boolean {
  try {
    parseIsoDuration(value);
    return true;
  } catch {
    return false;
  }
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Offset of an ISO time in minutes (0 for Z or none), so calendar arithmetic uses the local date. */
function offsetMinutes(isoTime: string): number {
  const m = OFFSET.exec(isoTime);
  if (!m || m[1]!.toUpperCase() === 'Z') return 0;
  const raw = m[1]!.replace(':', '');
  const sign = raw.startsWith('-') ? -1 : 1;
  return sign * (Number(raw.slice(1, 3)) * 60 + Number(raw.slice(3, 5)));
}

export function toEpochMs(isoTime: string): number {
  const ms = Date.parse(isoTime);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO time: ${isoTime}`);
  return ms;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * Adds an ISO-8601 duration to an ISO time and returns an ISO time in UTC.
 * Years and months are calendar units in the time's own offset (31 Jan + P1M = 28/29 Feb).
 */
export function addIsoDuration(isoTime: string, duration: string): string {
  const d = parseIsoDuration(duration);
  const offset = offsetMinutes(isoTime);
  // Wall-clock time in the event's own offset, held in a UTC Date for arithmetic.
  const local = new Date(toEpochMs(isoTime) + offset * 60_000);
  const totalMonths = d.sign * (d.years * 12 + d.months);
  if (totalMonths !== 0) {
    const y = local.getUTCFullYear();
    const mIndex = local.getUTCMonth() + totalMonths;
    const targetYear = y + Math.floor(mIndex / 12);
    const targetMonth = ((mIndex % 12) + 12) % 12;
    const day = Math.min(local.getUTCDate(), daysInMonth(targetYear, targetMonth));
    local.setUTCFullYear(targetYear, targetMonth, day);
  }
  const days = d.sign * (d.weeks * 7 + d.days);
  if (days !== 0) local.setUTCDate(local.getUTCDate() + days);
  const ms = d.sign * ((d.hours * 60 + d.minutes) * 60_000 + d.seconds * 1000);
  return new Date(local.getTime() + ms - offset * 60_000).toISOString();
}

export function isAtOrAfter(a: string, b: string): boolean {
  return toEpochMs(a) >= toEpochMs(b);
}

export function isBefore(a: string, b: string): boolean {
  return toEpochMs(a) < toEpochMs(b);
}

export function laterOf(a: string, b: string): string {
  return isAtOrAfter(a, b) ? a : b;
}

export interface ChildAge {
  ageYears?: number | undefined;
  dateOfBirth?: string | undefined;
}

/** Date of birth, or one estimated from the age stated at registration when none is known. */
export function dateOfBirth(child: ChildAge, registeredAt: string): string | undefined {
  if (child.dateOfBirth) return child.dateOfBirth;
  if (child.ageYears === undefined) return undefined;
  return addIsoDuration(registeredAt, `-P${Math.floor(child.ageYears)}Y`);
}

/** Completed years of age at a time; undefined when neither age nor birth date is known. */
export function ageInYearsAt(child: ChildAge, registeredAt: string, at: string): number | undefined {
  const dob = dateOfBirth(child, registeredAt);
  if (dob === undefined) return undefined;
  let years = 0;
  while (years < 150 && isAtOrAfter(at, addIsoDuration(dob, `P${years + 1}Y`))) years++;
  return years;
}
