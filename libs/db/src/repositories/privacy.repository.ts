// The Digital Personal Data Protection Act 2023's records: the privacy notice a citizen acknowledged with each report
// (s.5), and every disclosure of a record to a partner system (who received what, when, for what), which a citizen or a
// monitor may ask about (s.11(1)(b)).
import type { Db } from '../client.js';

export interface NoticeAcknowledgement {
  reportId: string;
  userId: string;
  version: string;
  language: string;
  acknowledgedAt: Date;
}

export interface NewDisclosure {
  partnerId: string;
  partnerName: string;
  recordType: 'report' | 'case' | 'feed-event';
  recordId: string;
  scope: string;
  purpose: string;
  via: string;
  stateCode: string | null;
  districtCode: string | null;
  disclosedAt: Date;
}

export interface DisclosureFilter {
  stateCode?: string;
  districtCode?: string;
  partnerId?: string;
  recordId?: string;
  /** the id of the last row of the page before */
  before?: bigint;
  limit: number;
}

export class PrivacyRepository {
  constructor(private readonly db: Db) {}

  /** Written once with the report: a retried filing keeps the first acknowledgement. */
  async acknowledgeNotice(a: NoticeAcknowledgement): Promise<void> {
    await this.db.reportPrivacyNotice.upsert({ where: { reportId: a.reportId }, create: a, update: {} });
  }

  notices(reportIds: string[]) {
    return this.db.reportPrivacyNotice.findMany({ where: { reportId: { in: reportIds } } });
  }

  erasures(reportIds: string[]) {
    return this.db.reportErasure.findMany({ where: { reportId: { in: reportIds } } });
  }

  async recordDisclosures(rows: NewDisclosure[]): Promise<void> {
    if (rows.length) await this.db.partnerDisclosure.createMany({ data: rows });
  }

  /** Newest first, within the reader's place (a disclosure outside it is not listed). */
  disclosures(f: DisclosureFilter) {
    return this.db.partnerDisclosure.findMany({
      where: {
        ...(f.stateCode && { stateCode: f.stateCode }),
        ...(f.districtCode && { districtCode: f.districtCode }),
        ...(f.partnerId && { partnerId: f.partnerId }),
        ...(f.recordId && { recordId: f.recordId }),
        ...(f.before !== undefined && { id: { lt: f.before } }),
      },
      orderBy: { id: 'desc' },
      take: f.limit,
    });
  }
}
