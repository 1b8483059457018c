// Days and months as people in India count them: India Standard Time (UTC+05:30, no daylight saving).

const IST_OFFSET_MS = 330 * 60_000;

/** The day (yyyy-mm-dd, India Standard Time) of an instant, today by default. */
export const dayInIndia = (d: Date = new Date()): string => new Date(d.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);

/** The month (yyyy-mm, India Standard Time) of an instant. */
export const monthInIndia = (d: Date): string => dayInIndia(d).slice(0, 7);

/** The first instant of a month (yyyy-mm) in India Standard Time, or of the month `offset` months after it. */
export function monthStartInIndia(month: string, offset = 0): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return new Date(`${d.toISOString().slice(0, 7)}-01T00:00:00+05:30`);
}
