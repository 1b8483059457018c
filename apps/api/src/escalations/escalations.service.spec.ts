import { beforeEach, describe, expect, it } from '@jest/globals';
import { ESCALATION_ACTION_REJECTED } from '@raksha/contracts/temporal';
import type { EscalationRepository } from '@raksha/db';
import { fakeTemporal, jaipur, people, problemOf, updateRejected } from '@raksha/api/test/fakes';
import { AccessPolicy } from '../auth/access.policy.js';
import { EscalationsService } from './escalations.service.js';

const raised = (id: string, toBody: string, of: { caseId: string | null; watchId: string | null }) => ({
  id,
  ...of,
  bodyId: null,
  deadlineId: 'produce-before-cwc',
  obligation: 'Produce the child before the CWC',
  citation: 's.31(1)',
  rung: toBody === 'DCPU' ? 0 : 1,
  toBody,
  ...jaipur,
  dueAt: new Date('2026-01-02T00:00:00Z'),
  raisedAt: new Date('2026-01-02T00:00:00Z'),
  status: 'OPEN',
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  resolutionNote: null,
  metAt: null,
});

const rows = [raised('esc-case', 'DCPU', { caseId: 'case-1', watchId: null }), raised('esc-watch', 'DCPU', { caseId: null, watchId: 'watch-CCI-1' }), raised('esc-scps', 'SCPS', { caseId: 'case-1', watchId: null })];

describe(EscalationsService.name, () => {
  let sut: EscalationsService;
  let temporal: ReturnType<typeof fakeTemporal>;
  let answerUpdate: () => unknown;

  beforeEach(() => {
    answerUpdate = () => ({});
    temporal = fakeTemporal({ update: () => answerUpdate() });
    const escalations = { findById: async (id: string) => rows.find((r) => r.id === id) ?? null, list: async () => rows } as unknown as EscalationRepository;
    sut = new EscalationsService(temporal.client, escalations, new AccessPolicy());
  });

  it('acknowledges a case’s escalation through the case workflow, as the DCPU officer, with the Idempotency-Key', async () => {
    await sut.act(people.dcpuJaipur, 'esc-case', 'ACKNOWLEDGE', undefined, 'k-1');
    expect(temporal.updates).toEqual([
      { workflowId: 'case-case-1', name: 'actOnEscalation', args: [{ escalationId: 'esc-case', action: 'ACKNOWLEDGE', actor: { id: 'dcpu-jaipur', role: 'DCPU_OFFICER', body: 'DCPU', bodyId: 'DCPU-RJ-JAIPUR' }, idempotencyKey: 'k-1' }] },
    ]);
  });

  it('acts on an institution’s escalation through the watch workflow that raised it', async () => {
    await sut.act(people.dcpuJaipur, 'esc-watch', 'RESOLVE', 'inspected');
    expect(temporal.updates[0]).toMatchObject({ workflowId: 'watch-CCI-1', args: [{ action: 'RESOLVE', note: 'inspected' }] });
  });

  it('lets only the body the escalation was raised to act on it: the DCPU may not act on one raised to the SCPS', async () => {
    expect(await problemOf(sut.act(people.dcpuJaipur, 'esc-scps', 'ACKNOWLEDGE'))).toEqual({ type: 'forbidden', status: 403, title: 'Your role may not do this', detail: 'only the SCPS acts on an escalation raised to it' });
    expect(temporal.updates).toEqual([]);
  });

  it('does not tell the SCPS of another state that the escalation exists', async () => {
    expect(await problemOf(sut.act(people.scpsMaharashtra, 'esc-scps', 'ACKNOWLEDGE'))).toMatchObject({ type: 'escalation-not-found', status: 404, title: 'No such escalation' });
  });

  it.each([
    ['ALREADY_RESOLVED', { type: 'escalation-action-not-allowed', status: 409, title: 'The escalation cannot take this action now', detail: 'the escalation is resolved' }],
    ['NOTE_REQUIRED', { type: 'invalid-input', status: 400, errors: [{ field: 'note', message: 'the escalation is resolved' }] }],
    ['UNKNOWN_ESCALATION', { type: 'service-unavailable', status: 503 }],
  ])('answers the workflow’s %s refusal with its problem', async (reason, expected) => {
    answerUpdate = () => {
      throw updateRejected(ESCALATION_ACTION_REJECTED, { reason, message: 'the escalation is resolved' });
    };
    expect(await problemOf(sut.act(people.dcpuJaipur, 'esc-case', 'RESOLVE'))).toMatchObject(expected);
  });

  it('lists nothing for a filter outside the principal’s jurisdiction, rather than telling what exists there', async () => {
    await expect(sut.list(people.dcpuJaipur, { districtCode: 'MH-PUNE', limit: 10 })).resolves.toEqual([]);
    await expect(sut.list(people.citizen, { limit: 10 })).resolves.toEqual([]);
    await expect(sut.list(people.dcpuJaipur, { limit: 10 })).resolves.toHaveLength(3);
  });
});
