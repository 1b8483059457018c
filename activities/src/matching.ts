// Matching a new or accepted report against the open reports of the other kind: every candidate that blocking in
// PostgreSQL finds (no cap), scored (name weight by the name's frequency, prior by the number of reports searched), all
// kept at or above KEPT_THRESHOLD with each field explained (the API pages them from the review threshold, and beyond
// it), and e-alerts to the bodies concerned above the alert threshold. Run by the worker's BullMQ matching processor.
import type { Queue } from 'bullmq';
import { enqueueNotifications, webAppLink, type NotificationJob } from '@raksha/contracts';
import type { CandidateRow, ChildReportRow, FaceRepository, ReportRepository } from '@raksha/db';
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

  return {
    async matchReport(reportId: string): Promise<MatchOutcome> {
      const subject = await deps.reports.matchSubject(reportId);
      if (!subject || subject.status !== 'OPEN') return { reportId, blocked: 0, scored: 0, kept: 0, alerted: 0 };
      const other = subject.kind === 'MISSING' ? 'FOUND' : 'MISSING';
      const face = await faceOf(subject);
      const { rows: byKeys, counts } = await deps.reports.candidates({
        kind: other,
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
      const kept: { missing: MissingReport; found: FoundReport }[] = [];
      let scored = 0;
      for (const row of rows) {
        const [missing, found] = (subject.kind === 'MISSING' ? [me, recordOf(row, descriptors.get(row.id))] : [recordOf(row, descriptors.get(row.id)), me]) as [MissingReport, FoundReport];
        if (!isCandidatePair(missing, found)) continue;
        scored += 1;
        if (pairProbability(missing, found, { frequencies }) >= KEPT_THRESHOLD) kept.push({ missing, found });
      }
      const now = new Date();
      const saved = await deps.reports.saveCandidates(
        kept.map(({ missing, found }) => {
          const s = scorePair(missing, found, { frequencies });
          return { missingId: s.missingId, foundId: s.foundId, probability: s.probability, explanation: { logOdds: s.logOdds, fields: s.fields } };
        }),
        now,
      );
      const toAlert = saved.filter((c) => c.probability >= ALERT_THRESHOLD && c.alertedAt === null && c.status === 'PROPOSED');
      const byId = new Map<string, CandidateRow>([subject, ...rows].map((r) => [r.id, r]));
      for (const c of toAlert) {
        const missing = byId.get(c.missingId)!;
        const found = byId.get(c.foundId)!;
        await enqueueNotifications(deps.notifications, alertJobs(c.id, c.probability, missing, found, webAppLink(deps.publicUrl ?? '', `/match-candidates/${c.id}`)));
      }
      if (toAlert.length) await deps.reports.markAlerted(toAlert.map((c) => c.id), now);
      return { reportId, ...(face && { byPhoto }), blocked: rows.length, scored, kept: saved.length, alerted: toAlert.length };
    },
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
