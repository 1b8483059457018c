import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EFileEntryBody, EFileEntryView, EFileQuery } from '@raksha/contracts';
import { EFileRepository, type EFileEntryRecord } from '@raksha/db';
import { IDEMPOTENCY_KEY_REUSED_MESSAGE, requestFingerprint, type Permission } from '@raksha/domain';
import { auditedAction, can, type Principal } from '../auth/principal.js';
import { CasesService } from '../cases/cases.service.js';
import { forbidden, problem } from '../problem/domain-errors.js';
import { idempotentId } from '../infrastructure/idempotency.js';

/** Who may open (and write) the sealed sections of a child's eFile. */
const SECTION_PERMISSION: Record<string, Permission | undefined> = {
  MEDICAL: 'efile:medical',
  COUNSELLING: 'efile:counselling',
  EDUCATION: undefined,
};

const view = (e: EFileEntryRecord): EFileEntryView => ({
  id: e.id,
  section: e.section as EFileEntryView['section'],
  kind: e.kind,
  occurredOn: e.occurredOn.toISOString().slice(0, 10),
  recordedAt: e.recordedAt.toISOString(),
  recordedBy: e.recordedBy,
  recordedRole: e.recordedRole,
  sealed: e.sealed,
  details: e.details ?? null,
});

/** The child's eFile: medical, education and counselling records, sensitive parts sealed and every read audited. */
@Injectable()
export class EFileService {
  constructor(
    private readonly eFile: EFileRepository,
    private readonly cases: CasesService,
  ) {}

  /** With an Idempotency-Key, a retry (a phone's outbox resending after a lost answer) gets the first entry back, not a second one. */
  async add(principal: Principal, caseId: string, body: EFileEntryBody, idempotencyKey?: string): Promise<EFileEntryView> {
    await this.cases.visible(principal, caseId);
    const needed = SECTION_PERMISSION[body.section];
    if (needed && !can(principal, needed)) throw forbidden(`your role may not keep ${body.section.toLowerCase()} records`);
    const id = idempotencyKey ? idempotentId(principal.userId, idempotencyKey, 'efile') : randomUUID();
    const first = idempotencyKey ? await this.eFile.find(id) : null;
    if (first) {
      const asked = { caseId, section: body.section, kind: body.entry.kind, occurredOn: body.occurredOn, details: body.entry.details };
      const kept = { caseId: first.caseId, section: first.section, kind: first.kind, occurredOn: first.occurredOn.toISOString().slice(0, 10), details: first.details };
      if (requestFingerprint(asked) !== requestFingerprint(kept)) throw problem('idempotency-key-reused', IDEMPOTENCY_KEY_REUSED_MESSAGE);
      return view(first);
    }
    const now = new Date();
    const role = principal.roles.find((r) => !needed || can({ ...principal, roles: [r] }, needed)) ?? principal.roles[0]!;
    const entry = await this.eFile.add(
      {
        id,
        caseId,
        section: body.section,
        kind: body.entry.kind,
        occurredOn: new Date(`${body.occurredOn}T00:00:00Z`),
        details: body.entry.details,
        recordedAt: now,
        recordedBy: principal.userId,
        recordedRole: role,
      },
      // The audit names what was recorded, never the sensitive details themselves.
      auditedAction(principal, 'efile.entry.added', { caseId, section: body.section, kind: body.entry.kind }, now),
    );
    return view(entry);
  }

  async list(principal: Principal, caseId: string, query: EFileQuery): Promise<EFileEntryView[]> {
    await this.cases.visible(principal, caseId);
    const open = new Set(Object.entries(SECTION_PERMISSION).filter(([, p]) => p && can(principal, p)).map(([section]) => section));
    const entries = await this.eFile.list(caseId, { ...(query.section && { section: query.section }) }, open, auditedAction(principal, 'efile.read'));
    return entries.map(view);
  }
}
