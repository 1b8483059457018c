import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import type { CallHandler, ExecutionContext, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { lastValueFrom, of } from 'rxjs';
import { API_RESPONSES } from '@raksha/contracts';
import { FEATURE_MODULES } from '../app.js';
import { CasesController } from '../cases/cases.controller.js';
import { DashboardsController } from '../dashboards/dashboards.controller.js';
import { ResponseContractInterceptor, routesOf } from './response-contracts.js';

const caseView = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  caseNumber: 'RJ/JAIPUR/2026/1',
  track: 'CNCP',
  state: 'REGISTERED',
  phase: 'PRODUCTION',
  districtCode: 'RJ-JAIPUR',
  thanaCode: null,
  blockCode: null,
  villageCode: null,
  placeNames: { district: 'Jaipur', thana: null, block: null, village: null },
  stateCode: 'RJ',
  childName: null,
  version: 1,
  registeredAt: '2026-11-25T10:30:00.000Z',
  nextDueAt: '2026-11-26T10:30:00.000Z',
  overdue: false,
  openDeadlines: [],
  assigneeId: null,
  allowedEvents: null,
  yourEvents: null,
  assignee: null,
  mayAssign: false,
};

/** Runs the interceptor around a handler of `controller` that answers `body` with this Content-Type. */
function answer(controller: Type, handler: object, body: unknown, contentType?: string): Promise<unknown> {
  const context = {
    getClass: () => controller,
    getHandler: () => handler,
    switchToHttp: () => ({ getResponse: () => ({ getHeader: () => contentType }) }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(body) };
  return lastValueFrom(new ResponseContractInterceptor().intercept(context, next));
}

describe(ResponseContractInterceptor.name, () => {
  const sut = (body: unknown) => answer(CasesController, CasesController.prototype.get, body);

  it('publishes a response schema for every route of the API, and for no route it lacks', () => {
    const controllers = FEATURE_MODULES.flatMap((m) => (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, m) ?? []) as Type[]);
    expect(routesOf(controllers).sort()).toEqual(Object.keys(API_RESPONSES).sort());
  });

  it('passes an answer that parses with its route’s schema, unchanged', async () => {
    await expect(sut(caseView)).resolves.toBe(caseView);
  });

  it('fails the request with a 500 naming the route and the field when the answer does not parse', async () => {
    const drifted = { ...caseView, track: 'CARE', version: '1' };
    await expect(sut(drifted)).rejects.toMatchObject({
      status: 500,
      message: expect.stringMatching(/^GET \/cases\/:id answered what its published schema refuses: .*track.*version/),
    });
  });

  it('leaves an answer that is not JSON (a CSV export) unchecked', async () => {
    await expect(answer(DashboardsController, DashboardsController.prototype.overview, 'area,cases\n', 'text/csv; charset=utf-8')).resolves.toBe('area,cases\n');
  });
});
