import { PlacementCheck } from './placement-check.js';
import { ReadAudit } from '../auth/read-audit.js';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { RakshaConfig } from '@raksha/config';
import { CASE_EVENT_REJECTED } from '@raksha/contracts/temporal';
import type { AdmissionRepository, AuditRepository, CaseRepository, GeographyRepository, UserRepository } from '@raksha/db';
import { fakeTemporal, jaipur, people, problemOf, updateRejected, workflowNotFound } from '@raksha/api/test/fakes';
import { AccessPolicy } from '../auth/access.policy.js';
import type { EscalationsService } from '../escalations/escalations.service.js';
import type { DeadlinePolicyService } from '../policy/deadline-policy.service.js';
import type { DuplicateFinder } from '../duplicates/duplicate-finder.js';
import { CasesService } from './cases.service.js';
import type { ChildProfileRecorder } from './child-profile.recorder.js';

const caseRow = { id: 'case-1', track: 'CNCP', state: 'registered', phase: 'INTAKE', ...jaipur, childName: 'Asha', sequence: 3, registeredAt: new Date('2026-01-01T00:00:00Z'), nextDueAt: null, openDeadlines: [], thanaCode: null, blockCode: null, villageCode: null };
const produce = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Jaipur' } };
const status = { caseId: 'case-1', sequence: 4, state: 'produced', phase: 'INQUIRY', label: 'Produced', allowedEvents: [], openDeadlines: [], escalations: [] };

describe(CasesService.name, () => {
  let sut: CasesService;
  let temporal: ReturnType<typeof fakeTemporal>;
  let answerUpdate: () => unknown;
  let answerQuery: () => unknown;
  let started: (options: { workflowId: string; args: unknown[] }) => void;
  let audited: unknown[];

  const noDuplicates = { recordForCase: async () => 0, mergedCases: async () => [] } as unknown as DuplicateFinder;
  beforeEach(() => {
    answerUpdate = () => status;
    answerQuery = () => ({ ...status, sequence: 7 });
    started = () => undefined;
    audited = [];
    temporal = fakeTemporal({ update: () => answerUpdate(), query: () => answerQuery() });
    Object.assign(temporal.client.workflow, {
      start: async (_name: string, options: { workflowId: string; args: unknown[] }) => (started(options), temporal.client.workflow.getHandle(options.workflowId)),
    });
    const cases = { findById: async (id: string) => (id === caseRow.id ? caseRow : null), timeline: async () => [] } as unknown as CaseRepository;
    const geography = { findDistrict: async (code: string) => ({ 'RJ-JAIPUR': { code, stateCode: 'RJ' }, 'MH-PUNE': { code, stateCode: 'MH' } })[code] ?? null } as unknown as GeographyRepository;
    const audit = { record: async (entry: unknown) => void audited.push(entry) } as unknown as AuditRepository;
    const deadlinePolicy = { overridesFor: async () => ({}) } as unknown as DeadlinePolicyService;
    const config = { temporal: { taskQueue: 'raksha-cases' } } as RakshaConfig;
    sut = new CasesService(config, temporal.client, cases, geography, {} as EscalationsService, new AccessPolicy(), new ReadAudit(audit), deadlinePolicy, { findById: async () => null } as unknown as UserRepository, noDuplicates, new PlacementCheck({} as AdmissionRepository), { check: async () => undefined, recordRegistration: async () => undefined } as unknown as ChildProfileRecorder);
  });

  describe('applyEvent', () => {
    it('sends the event to the case workflow as the member of the CWC, with the If-Match version and the Idempotency-Key', async () => {
      await expect(sut.applyEvent(people.cwcJaipur, 'case-1', produce, { idempotencyKey: 'k-1', expectedVersion: 3 })).resolves.toEqual(status);
      expect(temporal.updates).toEqual([
        {
          workflowId: 'case-case-1',
          name: 'applyEvent',
          args: [{ ...produce, idempotencyKey: 'k-1', actor: { id: 'cwc-jaipur', role: 'CWC_MEMBER', body: 'CWC', bodyId: 'CWC-RJ-JAIPUR' }, expectedSequence: 3 }],
        },
      ]);
    });

    it('does not tell a CWC member of Pune that a Jaipur case exists: 404, and nothing is sent', async () => {
      expect(await problemOf(sut.applyEvent(people.cwcPune, 'case-1', produce, {}))).toMatchObject({ type: 'case-not-found', status: 404, title: 'No such case' });
      expect(temporal.updates).toEqual([]);
    });

    it('refuses an event the role may not send with 403 in plain words', async () => {
      expect(await problemOf(sut.applyEvent(people.dcpuJaipur, 'case-1', produce, {}))).toEqual({
        type: 'forbidden',
        status: 403,
        title: 'Your role may not do this',
        detail: 'your role may not send PRODUCED_BEFORE_CWC',
      });
      expect(temporal.updates).toEqual([]);
    });

    it('names the field of an event type the machine does not know', async () => {
      expect(await problemOf(sut.applyEvent(people.cwcJaipur, 'case-1', { type: 'TELEPORTED', payload: {} }, {}))).toMatchObject({
        status: 400,
        errors: [{ field: 'type', message: 'no such event: TELEPORTED' }],
      });
    });

    it('answers 409 with the state and the events it can take when the case cannot take the event now', async () => {
      answerUpdate = () => {
        throw updateRejected(CASE_EVENT_REJECTED, { reason: 'EVENT_NOT_ALLOWED', state: 'registered', message: 'a case in "Registered" cannot take X', allowedEvents: ['PRODUCED_BEFORE_CWC'] });
      };
      expect(await problemOf(sut.applyEvent(people.cwcJaipur, 'case-1', produce, {}))).toEqual({
        type: 'event-not-allowed',
        status: 409,
        title: 'The case cannot take this event now',
        detail: 'a case in "Registered" cannot take X',
        state: 'registered',
        allowedEvents: ['PRODUCED_BEFORE_CWC'],
      });
    });

    it('answers a stale If-Match with the version the workflow holds now, in the same shape as a stale registry record', async () => {
      answerUpdate = () => {
        throw updateRejected(CASE_EVENT_REJECTED, { reason: 'STALE_VERSION', state: 'registered', message: 'the case changed since version 3; it is now at version 7', allowedEvents: [], currentVersion: 7 });
      };
      expect(await problemOf(sut.applyEvent(people.cwcJaipur, 'case-1', produce, { expectedVersion: 3 }))).toEqual({
        type: 'stale-version',
        status: 409,
        title: 'The case changed since you read it; read it again and retry',
        detail: 'the case changed since version 3; it is now at version 7',
        currentVersion: 7,
      });
    });

    it('names each invalid payload field under payload', async () => {
      answerUpdate = () => {
        throw updateRejected(CASE_EVENT_REJECTED, { reason: 'INVALID_PAYLOAD', state: 'registered', message: 'invalid', allowedEvents: [], issues: [{ path: 'producedBy', message: 'Required' }, { path: '', message: 'bad' }] });
      };
      expect(await problemOf(sut.applyEvent(people.cwcJaipur, 'case-1', produce, {}))).toMatchObject({
        status: 400,
        errors: [
          { field: 'payload.producedBy', message: 'Required' },
          { field: 'payload', message: 'bad' },
        ],
      });
    });

    it('answers 503, not 500, when the case workflow is not running', async () => {
      answerUpdate = () => {
        throw workflowNotFound('case-case-1');
      };
      expect(await problemOf(sut.applyEvent(people.cwcJaipur, 'case-1', produce, {}))).toMatchObject({ type: 'service-unavailable', status: 503, detail: 'the case workflow is not running' });
    });
  });

  describe('register', () => {
    const body = { track: 'CNCP' as const, districtCode: 'RJ-JAIPUR', child: { name: 'Asha' } };

    it('refuses a district outside the CWC member’s jurisdiction with 403', async () => {
      expect(await problemOf(sut.register(people.cwcPune, body))).toMatchObject({ status: 403, detail: 'district RJ-JAIPUR is outside your jurisdiction' });
    });

    it('names the district code no district has', async () => {
      expect(await problemOf(sut.register(people.cwcJaipur, { ...body, districtCode: 'XX-NOWHERE' }))).toMatchObject({
        status: 400,
        errors: [{ field: 'districtCode', message: 'no district with code XX-NOWHERE' }],
      });
    });

    it('gives a retried registration (same Idempotency-Key) the same case, and refuses the key for another child with 422', async () => {
      const first: { workflowId: string; args: unknown[] }[] = [];
      started = (options) => {
        if (first.length) throw new WorkflowExecutionAlreadyStartedError('started', options.workflowId, 'caseWorkflow');
        first.push(options);
      };
      await sut.register(people.cwcJaipur, body, 'key-1');
      answerQuery = () => first[0]!.args[0];
      await expect(sut.register(people.cwcJaipur, body, 'key-1')).resolves.toEqual(status);
      expect(new Set(temporal.updates.map((u) => u.workflowId))).toEqual(new Set([first[0]!.workflowId]));
      expect(await problemOf(sut.register(people.cwcJaipur, { ...body, child: { name: 'Someone else' } }, 'key-1'))).toMatchObject({
        type: 'idempotency-key-reused',
        status: 422,
        title: 'This Idempotency-Key was used for a different request',
      });
    });
  });

  describe('get', () => {
    it('records who read the child’s record, and shows the case without next events when Temporal cannot be asked', async () => {
      answerQuery = () => {
        throw new Error('unreachable');
      };
      const read = await sut.get(people.cwcJaipur, 'case-1');
      expect(read).toMatchObject({ id: 'case-1', version: 3, allowedEvents: null, yourEvents: null });
      expect(audited).toEqual([expect.objectContaining({ chain: 'reads:case:case-1', action: 'case.read', actorId: 'cwc-jaipur' })]);
    });
  });
});
