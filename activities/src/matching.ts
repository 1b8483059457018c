// Matching a new or accepted report against the open reports of the other kind: every candidate that blocking in
// PostgreSQL finds (no cap), scored (name weight by the name's frequency, prior by the number of reports searched), all
// kept at or above KEPT_THRESHOLD with each field explained (the API pages them from the review threshold, and beyond
// it), and e-alerts to the bodies concerned above the alert threshold. Run by the worker's BullMQ matching processor.
import type { Queue } from 'bullmq';
import { enqueueNotifications, webAppLink, type NotificationJob } from '@raksha/contracts';
import type { CandidateRow, CandidateScore, CandidateSearch, ChildReportRow, FaceRepository, ReportRepository } from '@raksha/db';
import { FACE_MODEL, type FaceDescriber } from '@raksha/faces';
import {
  ALERT_THRESHOLD,
  BoundedCache,
  childReportOf,
  DEFAULT_AGE_TOLERANCE_YEARS,
  faceDistance,
  isCandidatePair,
  KEPT_THRESHOLD,
  pairProbability,
  PHOTO_DISTANCE,
  scorePair,
  type ChildReport,
  type FoundReport,
  type KeyFrequencies,
  type MissingReport,
} from '@raksha/matching';

export interface MatcherDeps {
  reports: ReportRepository;
  notifications: Pick<Queue<NotificationJob>, 'add'>;
  /** report photos: the biometric store and the describer that fills it (without them, photos are not compared) */
  faces?: { store: FaceRepository; describer: Pick<FaceDescriber, 'describe'> };
  /** the deployment's public address (config publicUrl): an e-alert links the candidate in the web app, not the API */
  publicUrl?: string;
}

/** The photo route keeps at most this many nearest faces (closer than PHOTO_DISTANCE.unsure) besides the other routes' candidates. */
export const PHOTO_NEIGHBOURS = 50;

export interface MatchOutcome {
  reportId: string;
  /** candidates found by the photo route that the name and attribute routes did not find */
  byPhoto?: number;
  blocked: number;
  scored: number;
  kept: number;
  alerted: number;
}

/** A stored report as the record matching works on (a candidate, the subject, or a report being re-keyed). */
export const storedRecord = (r: Pick<CandidateRow, 'id' | 'kind' | 'description' | 'occurredAt' | 'stateCode' | 'districtCode' | 'placeText' | 'lat' | 'lon'>) =>
  childReportOf({
    id: r.id,
    kind: r.kind as 'MISSING' | 'FOUND',
    description: r.description as never,
    occurredAt: r.occurredAt.toISOString(),
    place: { stateCode: r.stateCode, districtCode: r.districtCode, ...(r.placeText && { text: r.placeText }), ...(r.lat !== null && { lat: r.lat }), ...(r.lon !== null && { lon: r.lon }) },
  });

export function createMatcher(deps: MatcherDeps) {
  // A report's description, date and place are never edited after filing, so a candidate's record is built and
  // analysed once (prepareReport memoises per record) while it stays among the most recent 50,000 (11 MB of synthetic ones).
  const records = new BoundedCache<string, ChildReport>();
  // A record with a face is cached apart: a report's descriptor may be stored after its record was first cached.
  const recordOf = (r: CandidateRow, descriptor?: number[]) =>
    descriptor ? records.getOrAdd(`${r.id}+face`, () => ({ ...storedRecord(r), face: { descriptor, model: FACE_MODEL } })) : records.getOrAdd(r.id, () => storedRecord(r));

  // The subject photo's descriptor: computed and stored apart the first time its report is matched (the job that runs
  // when a report is filed or accepted), read back after that.
  async function faceOf(subject: ChildReportRow): Promise<number[] | undefined> {
    if (!deps.faces || subject.photoType === null) return undefined;
    const { store, describer } = deps.faces;
    const stored = await store.find(subject.id);
    if (stored && stored.model === FACE_MODEL) return stored.descriptor ?? undefined;
    const photo = await deps.reports.photo(subject.id);
    if (!photo?.photo || !photo.photoType) return undefined;
    const { description: d, ms } = await describer.describe(new Uint8Array(photo.photo), photo.photoType);
    await store.save({
      reportId: subject.id,
      kind: subject.kind as 'MISSING' | 'FOUND',
      status: d.status,
      descriptor: d.status === 'DESCRIBED' ? d.descriptor : null,
      model: d.model,
      detectionScore: d.status === 'DESCRIBED' ? d.detectionScore : null,
      faces: d.status === 'DESCRIBED' ? d.faces : 0,
      reason: d.status === 'UNREADABLE' ? d.reason : d.status === 'NO_FACE' ? 'no face found in the photo' : null,
      describeMs: Math.round(ms),
      computedAt: new Date(),
    });
    return d.status === 'DESCRIBED' ? d.descriptor : undefined;
  }

  const searchOf = (subject: ChildReportRow): CandidateSearch => ({
    kind: subject.kind === 'MISSING' ? 'FOUND' : 'MISSING',
    gender: subject.gender,
    birthYearMin: subject.birthYearMin === null ? null : subject.birthYearMin - DEFAULT_AGE_TOLERANCE_YEARS,
    birthYearMax: subject.birthYearMax === null ? null : subject.birthYearMax + DEFAULT_AGE_TOLERANCE_YEARS,
    occurredAt: subject.occurredAt,
    nameKeys: subject.nameKeys,
    nameSkeletons: subject.nameSkeletons,
    guardianKeys: subject.guardianKeys,
    districtCode: subject.districtCode,
    searchByAttributes: subject.searchByAttributes,
  });

  /** One subject's candidates scored: the pairs to keep (the photo route added when the subject has a face). */
  async function scoreSubject(subject: ChildReportRow, byKeys: CandidateRow[], counts: ReadonlyMap<string, number>) {
    const other = subject.kind === 'MISSING' ? 'FOUND' : 'MISSING';
    const face = await faceOf(subject);
    // The photo route: the nearest faces among the reports of the other kind that can be this child, in its state.
    const descriptors = new Map<string, number[]>();
    let rows = byKeys;
    let byPhoto = 0;
    if (face && deps.faces) {
      const near = (
        await deps.faces.store.photoCandidates({
          kind: other,
          model: FACE_MODEL,
          gender: subject.gender,
          birthYearMin: subject.birthYearMin === null ? null : subject.birthYearMin - DEFAULT_AGE_TOLERANCE_YEARS,
          birthYearMax: subject.birthYearMax === null ? null : subject.birthYearMax + DEFAULT_AGE_TOLERANCE_YEARS,
          occurredAt: subject.occurredAt,
          stateCode: subject.stateCode,
        })
      )
        .map((r) => ({ row: r, distance: faceDistance(face, r.descriptor) }))
        .filter((r) => r.distance < PHOTO_DISTANCE.unsure)
        .sort((a, b) => a.distance - b.distance)
        .slice(0, PHOTO_NEIGHBOURS);
      for (const { row } of near) descriptors.set(row.id, row.descriptor);
      const seen = new Set(byKeys.map((r) => r.id));
      const added = near.filter(({ row }) => !seen.has(row.id)).map(({ row }) => row);
      byPhoto = added.length;
      rows = [...byKeys, ...added];
      for (const [id, d] of await deps.faces.store.descriptorsOf(byKeys.map((r) => r.id).filter((id) => !descriptors.has(id)), FACE_MODEL)) descriptors.set(id, d);
    }
    const frequencies: KeyFrequencies = { kind: other, reports: counts.get('*:') ?? rows.length, count: (key) => counts.get(`n:${key}`) };
    const me: ChildReport = face ? { ...storedRecord(subject), face: { descriptor: face, model: FACE_MODEL } } : storedRecord(subject);
    // Every candidate is scored; only the kept are explained field by field (compared again, with the words).
    const kept: CandidateScore[] = [];
    let scored = 0;
    for (const row of rows) {
      const [missing, found] = (subject.kind === 'MISSING' ? [me, recordOf(row, descriptors.get(row.id))] : [recordOf(row, descriptors.get(row.id)), me]) as [MissingReport, FoundReport];
      if (!isCandidatePair(missing, found)) continue;
      scored += 1;
      if (pairProbability(missing, found, { frequencies }) < KEPT_THRESHOLD) continue;
      const s = scorePair(missing, found, { frequencies });
      kept.push({ missingId: s.missingId, foundId: s.foundId, probability: s.probability, explanation: { logOdds: s.logOdds, fields: s.fields } });
    }
    return { kept, rows, outcome: { reportId: subject.id, ...(face && { byPhoto }), blocked: rows.length, scored, kept: kept.length, alerted: 0 } as MatchOutcome };
  }

  /**
   * Matches reports, many at a time (a backfill batch): the reports, their keys' counts and their candidates read in
   * one statement each, every pair kept written in one, each report scored as matchReport alone would score it.
   */
  async function matchReports(reportIds: readonly string[]): Promise<MatchOutcome[]> {
    const byId = new Map((await deps.reports.matchSubjects(reportIds)).map((r) => [r.id, r]));
    const open = [...new Set(reportIds)].flatMap((id) => (byId.get(id)?.status === 'OPEN' ? [byId.get(id)!] : []));
    const found = await deps.reports.candidatesOfEach(open.map(searchOf));
    const outcomes = new Map<string, MatchOutcome>();
    // A pair both of whose reports are in the batch is found twice: the later subject's score stands, as when one
    // report is matched after the other.
    const pairs = new Map<string, CandidateScore & { subject: string }>();
    const rowsById = new Map<string, CandidateRow>();
    for (const [i, subject] of open.entries()) {
      if (i > 0) await new Promise((r) => setImmediate(r)); // scoring is CPU work: let live case work in between
      const { kept, rows, outcome } = await scoreSubject(subject, found[i]!.rows, found[i]!.counts);
      for (const k of kept) {
        const key = `${k.missingId}+${k.foundId}`;
        pairs.delete(key);
        pairs.set(key, { ...k, subject: subject.id });
      }
      rowsById.set(subject.id, subject);
      for (const r of rows) rowsById.set(r.id, r);
      outcomes.set(subject.id, outcome);
    }
    const now = new Date();
    const saved = await deps.reports.saveCandidates([...pairs.values()].map(({ subject: _, ...k }) => k), now);
    const toAlert = saved.filter((c) => c.probability >= ALERT_THRESHOLD && c.alertedAt === null && c.status === 'PROPOSED');
    for (const c of toAlert) {
      const missing = rowsById.get(c.missingId)!;
      const found = rowsById.get(c.foundId)!;
      await enqueueNotifications(deps.notifications, alertJobs(c.id, c.probability, missing, found, webAppLink(deps.publicUrl ?? '', `/match-candidates/${c.id}`)));
      // the alert counts for the subject whose match wrote the pair last
      outcomes.get(pairs.get(`${c.missingId}+${c.foundId}`)!.subject)!.alerted += 1;
    }
    if (toAlert.length) await deps.reports.markAlerted(toAlert.map((c) => c.id), now);
    return reportIds.map((id) => outcomes.get(id) ?? { reportId: id, blocked: 0, scored: 0, kept: 0, alerted: 0 });
  }

  return {
    /** Matches one report (a new or accepted one, on the live matching queue). */
    async matchReport(reportId: string): Promise<MatchOutcome> {
      const [outcome] = await matchReports([reportId]);
      return outcome!;
    },
    matchReports,
  };
}

export type Matcher = ReturnType<typeof createMatcher>;

/** e-alerts: the police of the missing report's district (its station, when it names one), the CWC and DCPU where the child was found. */
// Sent by SMS and email too: no child's name (JJ Act s.74), no report id, no API path; the link opens the candidate.
function alertJobs(candidateId: string, probability: number, missing: CandidateRow, found: CandidateRow, link: string): NotificationJob[] {
  const subject = `Possible match (${Math.round(probability * 100)}%): a child reported missing and a child found`;
  const reference = missing.policeRef ? ` (police reference ${missing.policeRef})` : '';
  const body = `A child reported missing${reference} may be a child found since. Compare the two reports and decide: ${link}`;
  const to = (recipientBody: NotificationJob['recipientBody'], r: CandidateRow): NotificationJob => ({
    dedupeKey: `match-alert-${candidateId}-${recipientBody}-${r.districtCode}`,
    recipientBody,
    districtCode: r.districtCode,
    stateCode: r.stateCode,
    // the station whose area the child went missing from, when the report names it
    ...(recipientBody === 'POLICE_STATION' && r.thanaCode && { thanaCode: r.thanaCode }),
    caseId: found.caseId,
    kind: 'MATCH_ALERT',
    subject,
    body,
  });
  return [to('POLICE_STATION', missing), to('SJPU', missing), to('CWC', found), to('DCPU', found)];
}
