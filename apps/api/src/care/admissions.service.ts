import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ageInYearsAt, institutionalOrders, type CaseContext } from '@raksha/case-machine';
import type { AdmissionView, AdmitChildBody, DischargeChildBody, OccupancyView, ResidentView, TransferChildBody } from '@raksha/contracts';
import { AdmissionRepository, type AdmissionRecord, type AdmitOutcome } from '@raksha/db';
import { ageBandOf } from '@raksha/domain';
import { AccessPolicy } from '../auth/access.policy.js';
import { auditedAction, type Principal } from '../auth/principal.js';
import { ReadAudit } from '../auth/read-audit.js';
import { CasesService } from '../cases/cases.service.js';
import { alreadyAdmitted, forbidden, invalidField, invalidInput, notFound, overCapacity, problem } from '../problem/domain-errors.js';

type Institution = NonNullable<Awaited<ReturnType<AdmissionRepository['institution']>>>;

const view = (a: AdmissionRecord): AdmissionView => ({
  id: a.id,
  caseId: a.caseId,
  institutionId: a.institutionId,
  orderRef: a.orderRef,
  gender: a.gender,
  ageBand: a.ageBand,
  admittedAt: a.admittedAt.toISOString(),
  admittedBy: a.admittedBy,
  overCapacityReason: a.overCapacityReason,
  endedAt: a.endedAt?.toISOString() ?? null,
  endReason: a.endReason,
  endNote: a.endNote,
  transferredToId: a.transferredToId,
});

/** Children in institutions: admission on an order, transfer, discharge, and occupancy against capacity. */
@Injectable()
export class AdmissionsService {
  constructor(
    private readonly admissions: AdmissionRepository,
    private readonly cases: CasesService,
    private readonly access: AccessPolicy,
    private readonly reads: ReadAudit,
  ) {}

  async admit(principal: Principal, caseId: string, body: AdmitChildBody): Promise<AdmissionView> {
    await this.cases.visible(principal, caseId);
    const institution = await this.actingInstitution(principal, body.institutionId);
    const context = await this.cases.machineContext(caseId);
    this.requireOrder(context, institution, body.orderRef);
    const now = new Date();
    const outcome = await this.admissions.admit(
      {
        id: randomUUID(),
        caseId,
        institutionId: institution.bodyId,
        orderRef: body.orderRef,
        ...this.band(context, body, now),
        admittedAt: now,
        admittedBy: principal.userId,
        overCapacityReason: body.overCapacityReason ?? null,
      },
      auditedAction(principal, 'admission.admitted', { caseId, institutionId: institution.bodyId, orderRef: body.orderRef, overCapacityReason: body.overCapacityReason ?? null }, now),
    );
    return view(this.admitted(outcome));
  }

  async transfer(principal: Principal, admissionId: string, body: TransferChildBody): Promise<AdmissionView> {
    const from = await this.openAdmission(principal, admissionId);
    const institution = await this.actingInstitution(principal, body.institutionId, true);
    if (institution.bodyId === from.institutionId) throw invalidField('institutionId', 'the child is already in this institution');
    const context = await this.cases.machineContext(from.caseId);
    this.requireOrder(context, institution, body.orderRef, true);
    const now = new Date();
    const outcome = await this.admissions.transfer(
      from.id,
      {
        id: randomUUID(),
        caseId: from.caseId,
        institutionId: institution.bodyId,
        orderRef: body.orderRef,
        gender: from.gender,
        ageBand: from.ageBand,
        admittedAt: now,
        admittedBy: principal.userId,
        overCapacityReason: body.overCapacityReason ?? null,
      },
      { endedBy: principal.userId, endNote: body.note ?? null },
      auditedAction(principal, 'admission.transferred', { caseId: from.caseId, from: from.institutionId, to: institution.bodyId, orderRef: body.orderRef }, now),
    );
    if (!outcome.ok && outcome.reason === 'NOT_ADMITTED') throw notFound('admission', admissionId);
    return view(this.admitted(outcome));
  }

  async discharge(principal: Principal, admissionId: string, body: DischargeChildBody): Promise<AdmissionView> {
    const open = await this.openAdmission(principal, admissionId);
    await this.actingInstitution(principal, open.institutionId);
    const now = new Date();
    const ended = await this.admissions.discharge(
      admissionId,
      { endedAt: now, endReason: body.reason, endNote: body.note ?? null, endedBy: principal.userId },
      auditedAction(principal, 'admission.discharged', { caseId: open.caseId, institutionId: open.institutionId, reason: body.reason }, now),
    );
    if (!ended) throw notFound('admission', admissionId);
    return view(ended);
  }

  async history(principal: Principal, caseId: string): Promise<AdmissionView[]> {
    await this.cases.readable(principal, caseId);
    await this.cases.auditRead(principal, caseId, 'case.admissions.read');
    return (await this.admissions.history(caseId)).map(view);
  }

  async occupancy(principal: Principal, institutionId: string): Promise<OccupancyView> {
    await this.visibleInstitution(principal, institutionId);
    const rows = await this.admissions.occupancy(institutionId);
    return {
      institutionId,
      rows,
      total: rows.reduce((t, r) => ({ sanctioned: t.sanctioned + r.sanctioned, occupied: t.occupied + r.occupied }), { sanctioned: 0, occupied: 0 }),
      overCapacity: rows.filter((r) => r.occupied > r.sanctioned),
    };
  }

  /** The children in the institution now, for its staff's home page. */
  async residents(principal: Principal, institutionId: string): Promise<ResidentView[]> {
    await this.visibleInstitution(principal, institutionId);
    const rows = await this.admissions.residents(institutionId);
    // The roster names every child in the home: the read is on the institution's chain, each case named.
    await this.reads.record(principal, 'institution', institutionId, 'institution.children.read', { caseIds: rows.map((r) => r.caseId) });
    return rows.map(({ case: c, ...a }) => ({ ...view(a), childName: c.childName, track: c.track as ResidentView['track'], caseState: c.state, nextDueAt: c.nextDueAt?.toISOString() ?? null }));
  }

  private async visibleInstitution(principal: Principal, institutionId: string): Promise<Institution> {
    const institution = await this.admissions.institution(institutionId);
    const place = institution && { stateCode: institution.body.stateCode ?? '', districtCode: institution.body.districtCode ?? '' };
    if (!institution || !place || !this.access.mayKnow(principal, place)) throw notFound('institution', institutionId);
    return institution;
  }

  /** Staff of an institution act for their own institution only; a DCPU officer for any in the district. */
  private async actingInstitution(principal: Principal, institutionId: string, receiving = false): Promise<Institution> {
    if (principal.body?.type === 'CCI' && principal.body.id !== institutionId && !receiving) {
      throw forbidden(`you act for ${principal.body.id}, not ${institutionId}`);
    }
    const institution = receiving ? await this.admissions.institution(institutionId) : await this.visibleInstitution(principal, institutionId);
    if (!institution) throw notFound('institution', institutionId);
    return institution;
  }

  private async openAdmission(principal: Principal, admissionId: string): Promise<AdmissionRecord> {
    const admission = await this.admissions.findById(admissionId);
    if (!admission || admission.endedAt) throw notFound('admission', admissionId);
    await this.cases.visible(principal, admission.caseId).catch(() => {
      throw notFound('admission', admissionId);
    });
    if (principal.body?.type === 'CCI' && principal.body.id !== admission.institutionId) throw notFound('admission', admissionId);
    return admission;
  }

  /** s.36(1), s.37(1), s.12, s.18(1): a child enters an institution on an order of the CWC or JJB, of its kind. */
  private requireOrder(context: CaseContext, institution: Institution, orderRef: string, transfer = false): void {
    const orders = institutionalOrders(context);
    const matching = orders.filter((o) => o.kinds.includes(institution.kind) && (transfer || o.orderRef === undefined || o.orderRef === orderRef));
    if (matching.length === 0) {
      const kind = institution.kind.replaceAll('_', ' ').toLowerCase();
      throw problem(
        'no-placement-order',
        orders.length === 0
          ? `the case has no order placing the child in an institution; the CWC or JJB orders the placement first`
          : `no order ${orderRef} on the case places the child in a ${kind}`,
        { ordersInForce: orders.map(({ orderRef: ref, order, kinds }) => ({ ...(ref ? { orderRef: ref } : {}), order, kinds })) },
      );
    }
  }

  private band(context: CaseContext, body: AdmitChildBody, now: Date): { gender: string; ageBand: string } {
    const gender = context.child.gender && context.child.gender !== 'UNKNOWN' ? context.child.gender : body.gender;
    const age = ageInYearsAt(context.child, context.registeredAt, now.toISOString()) ?? body.ageYears;
    const issues = [
      ...(gender ? [] : [{ field: 'gender', message: 'the case does not record the child’s gender; give it, as capacity is sanctioned by gender' }]),
      ...(age === undefined ? [{ field: 'ageYears', message: 'the case does not record the child’s age; give it, as capacity is sanctioned by age band' }] : []),
    ];
    if (issues.length) throw invalidInput(issues);
    return { gender: gender!, ageBand: ageBandOf(age!) };
  }

  private admitted(outcome: AdmitOutcome): AdmissionRecord {
    if (outcome.ok) return outcome.admission;
    if (outcome.reason === 'ALREADY_ADMITTED') throw alreadyAdmitted(outcome.admission);
    if (outcome.reason === 'OVER_CAPACITY') throw overCapacity(outcome);
    throw new Error(`unexpected admission outcome ${outcome.reason}`);
  }

}
