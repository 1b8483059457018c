import { Prisma } from '../generated/client.js';
import type { Db } from '../client.js';
import { dayInIndia } from '@raksha/domain';

/** A person who gets the daily digest, with the body whose work it reports and where it goes. */
export interface DigestReader {
  userId: string;
  language: string;
  /** their newest verified email */
  email: string;
  bodyType: string;
  bodyLevel: string;
  stateCode: string | null;
  districtCode: string | null;
  /** a police station's thana: the children's cases it works are those of its thana */
  thanaCode: string | null;
}

/** A case a digest names: its id (for the link) and its readable number. */
export interface DigestCase {
  id: string;
  number: string;
}

/** What a digest counts for one body's place, with the first cases of each count (soonest first). */
export interface DigestCounts {
  overdue: { count: number; cases: DigestCase[] };
  dueThisWeek: { count: number; cases: DigestCase[] };
  escalationsOpen: { count: number; cases: DigestCase[] };
}

/**
 * The place a body's work is counted in, as its listings filter it (libs/domain placeFilter, workFilter): escalations
 * at `escalations` (national, a state or a district), cases at `cases` (the same, a police station's thana, or none).
 */
export interface DigestPlace {
  escalations: { stateCode?: string; districtCode?: string };
  cases: { stateCode?: string; districtCode?: string; thanaCode?: string } | 'nothing';
}

const SHOWN = 10;

/** The daily digest's readers and the figures it reports; read-only. */
export class DigestRepository {
  constructor(private readonly db: Db) {}

  /**
   * Active people of active bodies who have not turned the digest off (it is on until they do) and have a verified
   * email, which is where it goes. With `userId`, that one person (none when they no longer get it).
   */
  readers(userId?: string): Promise<DigestReader[]> {
    const today = dayInIndia();
    return this.db.$queryRaw<DigestReader[]>`
      SELECT * FROM (
        SELECT u.id AS "userId", coalesce(s.language, 'en') AS language, b.type AS "bodyType", b.level AS "bodyLevel",
               b."stateCode", b."districtCode", b."thanaCode",
               (SELECT c.address FROM "ContactVerification" c
                 WHERE c."userId" = u.id AND c.channel = 'EMAIL' AND c."verifiedAt" IS NOT NULL
                 ORDER BY c."verifiedAt" DESC LIMIT 1) AS email
        FROM "User" u
        JOIN "Body" b ON b.id = u."bodyId"
        LEFT JOIN "NotificationSettings" s ON s."userId" = u.id
        WHERE u."disabledAt" IS NULL AND b."deactivatedAt" IS NULL AND coalesce(s.digest, true)
          -- a CWC / JJB member outside the term of their seat does not act for the body (seatOutOfTerm)
          AND NOT EXISTS (SELECT 1 FROM "BodyMember" m WHERE m."userId" = u.id AND (m."termTo" < ${today}::date OR m."termFrom" > ${today}::date))
          ${userId ? Prisma.sql`AND u.id = ${userId}::uuid` : Prisma.empty}
      ) r WHERE r.email IS NOT NULL
      ORDER BY r."userId"`;
  }

  /**
   * A body's figures at `now`: cases awaiting it (of `tracks`, when the body serves one track) overdue, and due within
   * the week; escalations raised to it and not yet resolved.
   */
  async counts(body: { type: string; tracks?: string[] }, place: DigestPlace, now: Date, weekEnd: Date): Promise<DigestCounts> {
    const where = (alias: string, p: { stateCode?: string; districtCode?: string; thanaCode?: string }) =>
      Prisma.sql`${p.stateCode !== undefined ? Prisma.sql`AND ${Prisma.raw(alias)}."stateCode" = ${p.stateCode}` : Prisma.empty}
        ${p.districtCode !== undefined ? Prisma.sql`AND ${Prisma.raw(alias)}."districtCode" = ${p.districtCode}` : Prisma.empty}
        ${p.thanaCode !== undefined ? Prisma.sql`AND ${Prisma.raw(alias)}."thanaCode" = ${p.thanaCode}` : Prisma.empty}`;
    const casePlace = place.cases;
    const tracks = body.tracks ? Prisma.sql`AND c.track IN (${Prisma.join(body.tracks)})` : Prisma.empty;
    const cases = async (from: Date | null, to: Date) => casePlace === 'nothing' ? [] : this.db.$queryRaw<{ id: string; number: string; total: number }[]>`
      SELECT c.id, c."caseNumber" AS number, (count(*) OVER ())::int AS total FROM "Case" c
      WHERE c.phase <> 'CLOSED' AND c."nextDueAt" < ${to}::timestamptz
        ${from ? Prisma.sql`AND c."nextDueAt" >= ${from}::timestamptz` : Prisma.sql`AND c."nextDueAt" IS NOT NULL`}
        ${tracks} ${where('c', casePlace)}
      ORDER BY c."nextDueAt", c.id LIMIT ${SHOWN}`;
    const [overdue, dueThisWeek, escalations] = await Promise.all([
      cases(null, now),
      cases(now, weekEnd),
      this.db.$queryRaw<{ caseId: string | null; number: string | null; total: number }[]>`
        SELECT e."caseId", c."caseNumber" AS number, (count(*) OVER ())::int AS total FROM "Escalation" e
        LEFT JOIN "Case" c ON c.id = e."caseId"
        WHERE e."toBody" = ${body.type} AND e.status <> 'RESOLVED' ${where('e', place.escalations)}
        ORDER BY e."raisedAt", e.id LIMIT ${SHOWN}`,
    ]);
    const of = (rows: { total: number }[], cases: { id: string | null; number: string | null }[]) => {
      const named = new Map(cases.flatMap((c) => (c.id && c.number ? [[c.id, { id: c.id, number: c.number }] as const] : [])));
      return { count: rows[0]?.total ?? 0, cases: [...named.values()] };
    };
    return {
      overdue: of(overdue, overdue),
      dueThisWeek: of(dueThisWeek, dueThisWeek),
      escalationsOpen: of(escalations, escalations.map((r) => ({ id: r.caseId, number: r.number }))),
    };
  }
}
