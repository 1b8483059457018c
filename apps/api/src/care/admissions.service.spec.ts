import { ReadAudit } from '../auth/read-audit.js';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { CaseContext } from '@raksha/case-machine';
import type { AuditRepository, AdmissionRecord, AdmissionRepository, AdmitOutcome } from '@raksha/db';
import { jaipur, people, problemOf } from '@raksha/api/test/fakes';
import { AccessPolicy } from '../auth/access.policy.js';
import type { CasesService } from '../cases/cases.service.js';
import { AdmissionsService } from './admissions.service.js';

const home = { bodyId: 'CCI-RJ-JAIPUR-ASHA', kind: 'CHILDRENS_HOME', body: { ...jaipur } };
const interimOrder = { interimPlacement: { placement: 'CHILDRENS_HOME', orderRef: 'O/1', at: '2026-01-02T00:00:00Z' } };
const caseContext = (orders: object) => ({ track: 'CNCP', child: { gender: 'FEMALE' }, registeredAt: '2026-01-01T00:00:00Z', ...orders }) as unknown as CaseContext;
const body = { institutionId: home.bodyId, orderRef: 'O/1', ageYears: 9 };

describe(AdmissionsService.name, () => {
  let sut: AdmissionsService;
  let context: CaseContext;
  let outcome: (admission: AdmissionRecord) => AdmitOutcome;
  let admitted: AdmissionRecord[];

  beforeEach(() => {
    context = caseContext(interimOrder);
    outcome = (admission) => ({ ok: true, admission });
    admitted = [];
    const admissions = {
      institution: async (id: string) => (id === home.bodyId ? home : null),
      admit: async (a: AdmissionRecord) => (admitted.push(a), outcome({ ...a, endedAt: null, endReason: null, endNote: null, transferredToId: null } as AdmissionRecord)),
    } as unknown as AdmissionRepository;
    const cases = { visible: async () => ({ id: 'case-1', ...jaipur }), machineContext: async () => context } as unknown as CasesService;
    sut = new AdmissionsService(admissions, cases, new AccessPolicy(), new ReadAudit({ record: async () => undefined } as unknown as AuditRepository));
  });

  it('admits the child on the CWC’s placement order, in the band the capacity is sanctioned by', async () => {
    const view = await sut.admit(people.dcpuJaipur, 'case-1', body);
    expect(view).toMatchObject({ caseId: 'case-1', institutionId: home.bodyId, orderRef: 'O/1', gender: 'FEMALE', ageBand: expect.any(String), admittedBy: 'dcpu-jaipur' });
  });

  it('refuses an admission no order on the case makes, naming the orders in force', async () => {
    context = caseContext({});
    expect(await problemOf(sut.admit(people.dcpuJaipur, 'case-1', body))).toEqual({
      type: 'no-placement-order',
      status: 409,
      title: 'No order on the case places the child in this institution',
      detail: 'the case has no order placing the child in an institution; the CWC or JJB orders the placement first',
      ordersInForce: [],
    });
    expect(admitted).toEqual([]);
  });

  it('asks for the reason when the institution has no sanctioned place left for the child', async () => {
    outcome = () => ({ ok: false, reason: 'OVER_CAPACITY', gender: 'FEMALE', ageBand: '6-11', occupied: 20, sanctioned: 20 });
    expect(await problemOf(sut.admit(people.dcpuJaipur, 'case-1', body))).toEqual({
      type: 'over-capacity',
      status: 409,
      title: 'The institution has no sanctioned place left for this child',
      detail: '20 of 20 places for female children aged 6-11 are taken; the order must say why the child is placed over capacity (overCapacityReason)',
      gender: 'FEMALE',
      ageBand: '6-11',
      occupied: 20,
      sanctioned: 20,
    });
  });

  it('refuses a second admission of a child already in an institution: transfer or discharge first', async () => {
    outcome = (a) => ({ ok: false, reason: 'ALREADY_ADMITTED', admission: { ...a, id: 'adm-0', institutionId: 'CCI-RJ-JAIPUR-OTHER' } });
    expect(await problemOf(sut.admit(people.dcpuJaipur, 'case-1', body))).toMatchObject({
      type: 'already-admitted',
      status: 409,
      detail: 'the child is in CCI-RJ-JAIPUR-OTHER (admission adm-0); transfer or discharge first',
      admissionId: 'adm-0',
      institutionId: 'CCI-RJ-JAIPUR-OTHER',
    });
  });

  it('asks for the child’s age when neither the case nor the request records it', async () => {
    expect(await problemOf(sut.admit(people.dcpuJaipur, 'case-1', { ...body, ageYears: undefined }))).toMatchObject({ status: 400, errors: [{ field: 'ageYears' }] });
  });

  it('does not tell a DCPU of Pune that a Jaipur institution exists', async () => {
    expect(await problemOf(sut.admit(people.dcpuPune, 'case-1', body))).toMatchObject({
      type: 'institution-not-found',
      status: 404,
    });
  });
});
