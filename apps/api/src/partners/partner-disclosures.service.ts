import { Injectable } from '@nestjs/common';
import type { DisclosureListQuery, DisclosurePage } from '@raksha/contracts';
import { PrivacyRepository } from '@raksha/db';
import { AccessPolicy } from '../auth/access.policy.js';
import type { Principal } from '../auth/principal.js';

/** Who received which record, when and why: read by monitors and administrators of the jurisdiction the record lies in. */
@Injectable()
export class PartnerDisclosuresService {
  constructor(
    private readonly disclosures: PrivacyRepository,
    private readonly access: AccessPolicy,
  ) {}

  async list(principal: Principal, q: DisclosureListQuery): Promise<DisclosurePage> {
    const scope = this.access.scope(principal);
    if (scope === 'nothing') return { items: [], nextCursor: null };
    const rows = await this.disclosures.disclosures({
      ...scope,
      ...(q.partnerId && { partnerId: q.partnerId }),
      ...(q.recordId && { recordId: q.recordId }),
      ...(q.cursor && { before: BigInt(q.cursor) }),
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit);
    return {
      items: items.map((d) => ({
        partnerId: d.partnerId,
        partnerName: d.partnerName,
        recordType: d.recordType,
        recordId: d.recordId,
        scope: d.scope,
        purpose: d.purpose,
        via: d.via,
        stateCode: d.stateCode,
        districtCode: d.districtCode,
        disclosedAt: d.disclosedAt.toISOString(),
      })),
      nextCursor: rows.length > q.limit ? String(items[items.length - 1]!.id) : null,
    };
  }
}
