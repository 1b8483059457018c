// Fakes for the API services' unit specs: the people who act, and a Temporal client that answers as told.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { BodyType, JurisdictionLevel, Role } from '@raksha/domain';
import type { Principal } from '../src/auth/principal.js';
import type { DomainError } from '../src/problem/domain-errors.js';

const body = (id: string, type: BodyType, level: JurisdictionLevel, stateCode: string | null, districtCode: string | null) => ({
  id,
  type,
  name: id,
  level,
  stateCode,
  districtCode,
  thanaCode: null,
});

const person = (userId: string, roles: Role[], of: Principal['body']): Principal => ({ userId, username: userId, displayName: userId, roles, body: of, secondStep: { required: !roles.includes('CITIZEN'), enrolled: !roles.includes('CITIZEN') }, sessionId: `session-${userId}`, enrolmentOnly: false });

/** The people of the specs: two districts of two states, their bodies, and a citizen. */
export const people = {
  cwcJaipur: person('cwc-jaipur', ['CWC_MEMBER'], body('CWC-RJ-JAIPUR', 'CWC', 'DISTRICT', 'RJ', 'RJ-JAIPUR')),
  cwcPune: person('cwc-pune', ['CWC_MEMBER'], body('CWC-MH-PUNE', 'CWC', 'DISTRICT', 'MH', 'MH-PUNE')),
  dcpuJaipur: person('dcpu-jaipur', ['DCPU_OFFICER'], body('DCPU-RJ-JAIPUR', 'DCPU', 'DISTRICT', 'RJ', 'RJ-JAIPUR')),
  dcpuPune: person('dcpu-pune', ['DCPU_OFFICER'], body('DCPU-MH-PUNE', 'DCPU', 'DISTRICT', 'MH', 'MH-PUNE')),
  scpsRajasthan: person('scps-rj', ['SCPS_OFFICER'], body('SCPS-RJ', 'SCPS', 'STATE', 'RJ', null)),
  scpsMaharashtra: person('scps-mh', ['SCPS_OFFICER'], body('SCPS-MH', 'SCPS', 'STATE', 'MH', null)),
  policeJaipur: person('sjpu-jaipur', ['SJPU_OFFICER'], body('PS-RJ-JAIPUR-1', 'POLICE_STATION', 'THANA', 'RJ', 'RJ-JAIPUR')),
  citizen: person('citizen', ['CITIZEN'], null),
};

export const jaipur = { stateCode: 'RJ', districtCode: 'RJ-JAIPUR' };
export const pune = { stateCode: 'MH', districtCode: 'MH-PUNE' };

/** What a client would read of a refusal: the problem's type, status, title and detail. */
export async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    const e = err as DomainError;
    return { type: e.slug, status: e.status, title: e.title, detail: e.message, ...e.extensions };
  }
  throw new Error('expected a refusal, got an answer');
}

/** A workflow's business refusal of an Update, as the client library throws it. */
export const updateRejected = (failureType: string, rejection: object) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: failureType, message: 'rejected', details: [rejection], nonRetryable: true }));

export const workflowNotFound = (workflowId: string) => new WorkflowNotFoundError('workflow not found', workflowId, undefined);

type Answer = (workflowId: string, name: string, args: unknown[]) => unknown;

/** A Temporal client whose workflows answer Updates and queries with `update` / `query`; it records every Update sent. */
export function fakeTemporal(answers: { update?: Answer; query?: Answer } = {}) {
  const updates: { workflowId: string; name: string; args: unknown[] }[] = [];
  const handle = (workflowId: string) => ({
    workflowId,
    async executeUpdate(def: { name: string }, options?: { args?: unknown[] }) {
      const args = options?.args ?? [];
      updates.push({ workflowId, name: def.name, args });
      return answers.update?.(workflowId, def.name, args);
    },
    async query(def: { name: string }, ...args: unknown[]) {
      return answers.query?.(workflowId, def.name, args);
    },
  });
  const client = { workflow: { getHandle: handle } } as unknown as Client;
  return { client, updates };
}
