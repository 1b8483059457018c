import { Injectable, Logger } from '@nestjs/common';
import { caseDuplicates, reportDuplicates, type CaseSubject, type ReportSubject } from '@raksha/activities';
import type { DuplicateRecordView, LikelyDuplicate } from '@raksha/contracts';
import { DuplicateRepository } from '@raksha/db';
import type { MatchResult } from '@raksha/matching';

type ChildLike = { name?: string; ageYears?: number | { min: number; max: number }; gender?: string };

/** A record as the duplicate views show it. */
export function recordView(recordType: 'REPORT' | 'CASE', r: { id: string; kind: string; child: unknown; districtCode: string; stateCode: string; date: Date; policeRef?: string | null }): DuplicateRecordView {
  const child = (r.child ?? {}) as ChildLike;
  const age = child.ageYears === undefined ? null : typeof child.ageYears === 'number' ? { min: child.ageYears, max: child.ageYears } : child.ageYears;
  return { recordType, id: r.id, kind: r.kind, name: child.name ?? null, ageYears: age, gender: child.gender ?? null, districtCode: r.districtCode, stateCode: r.stateCode, date: r.date.toISOString(), policeRef: r.policeRef ?? null };
}

const explanation = (r: MatchResult) => ({ logOdds: r.logOdds, fields: r.fields });

/** Finds a new report's or case's likely duplicates, and records them for review once it is saved. */
@Injectable()
export class DuplicateFinder {
  private readonly log = new Logger(DuplicateFinder.name);

  constructor(private readonly duplicates: DuplicateRepository) {}

  async forReport(subject: ReportSubject): Promise<LikelyDuplicate[]> {
    return (await reportDuplicates(this.duplicates, subject)).map(({ report, result }) => ({
      record: recordView('REPORT', { ...report, child: report.description, date: report.occurredAt }),
      probability: result.probability,
      explanation: explanation(result),
    }));
  }

  async forCase(subject: CaseSubject): Promise<LikelyDuplicate[]> {
    return (await caseDuplicates(this.duplicates, subject)).map(({ case: c, result }) => ({
      record: recordView('CASE', { ...c, kind: c.track, child: c.child, date: c.registeredAt }),
      probability: result.probability,
      explanation: explanation(result),
    }));
  }

  /** The cases merged into this one as duplicates. */
  mergedCases(survivorId: string): Promise<string[]> {
    return this.duplicates.mergedInto('CASE', survivorId);
  }

  /** Lists a saved report's likely duplicates for review; a failure here never undoes the filing. */
  async recordForReport(subject: ReportSubject, detectedOn: 'FILING' | 'IMPORT'): Promise<number> {
    try {
      const found = await this.forReport(subject);
      await this.duplicates.save(found.map((d) => ({ recordType: 'REPORT', recordId: subject.id, duplicateOfId: d.record.id, probability: d.probability, explanation: d.explanation, stateCode: subject.stateCode, districtCode: subject.districtCode, detectedOn })), new Date());
      return found.length;
    } catch (err) {
      this.log.error(`duplicates of report ${subject.id} not listed: ${(err as Error).message}`);
      return 0;
    }
  }

  /** Lists a registered case's likely duplicates for review; a failure here never undoes the registration. */
  async recordForCase(subject: CaseSubject & { id: string }): Promise<number> {
    try {
      const found = await this.forCase(subject);
      await this.duplicates.save(found.map((d) => ({ recordType: 'CASE', recordId: subject.id, duplicateOfId: d.record.id, probability: d.probability, explanation: d.explanation, stateCode: subject.stateCode, districtCode: subject.districtCode, detectedOn: 'REGISTRATION' })), new Date());
      return found.length;
    } catch (err) {
      this.log.error(`duplicates of case ${subject.id} not listed: ${(err as Error).message}`);
      return 0;
    }
  }
}
