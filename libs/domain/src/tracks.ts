/**
 * CNCP: child in need of care and protection, before the CWC (Chapter V of the JJ Act).
 * CICL: child in conflict with law, before the JJB (Chapter IV).
 */
export const TRACKS = ['CNCP', 'CICL'] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_BODY = { CNCP: 'CWC', CICL: 'JJB' } as const;

/** The track whose cases come before this body (CWC: CNCP, JJB: CICL); none for any other body. */
export function trackBefore(body: string | undefined): Track | undefined {
  return TRACKS.find((track) => TRACK_BODY[track] === body);
}
