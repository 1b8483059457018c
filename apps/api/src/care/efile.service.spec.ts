import { beforeEach, describe, expect, it } from '@jest/globals';
import type { EFileEntryRecord, EFileRepository } from '@raksha/db';
import { jaipur, people, problemOf } from '@raksha/api/test/fakes';
import type { CasesService } from '../cases/cases.service.js';
import { EFileService } from './efile.service.js';

describe(EFileService.name, () => {
  let sut: EFileService;
  let added: { entry: EFileEntryRecord; audit: { detail: Record<string, unknown> } }[];
  let opened: Set<string>[];

  beforeEach(() => {
    added = [];
    opened = [];
    const eFile = {
      add: async (entry: EFileEntryRecord, audit: { detail: Record<string, unknown> }) => (added.push({ entry, audit }), { ...entry, sealed: true }),
      list: async (_caseId: string, _filter: object, open: Set<string>) => (opened.push(open), []),
    } as unknown as EFileRepository;
    const cases = { visible: async () => ({ id: 'case-1', ...jaipur }), readable: async () => ({ id: 'case-1', ...jaipur }) } as unknown as CasesService;
    sut = new EFileService(eFile, cases);
  });

  const counselling = { section: 'COUNSELLING' as const, occurredOn: '2026-02-01', entry: { kind: 'SESSION' as const, details: { counsellor: 'R', notes: 'talked about home' } } };
  const checkup = { section: 'MEDICAL' as const, occurredOn: '2026-02-01', entry: { kind: 'CHECKUP' as const, details: { findings: 'well' } } };

  it('keeps counselling notes to the roles that may open them: 403 for the DCPU, in plain words', async () => {
    expect(await problemOf(sut.add(people.dcpuJaipur, 'case-1', counselling))).toEqual({ type: 'forbidden', status: 403, title: 'Your role may not do this', detail: 'your role may not keep counselling records' });
    expect(added).toEqual([]);
  });

  it('records a medical entry in the role that may keep it; its audit names what was recorded, never the details', async () => {
    await expect(sut.add(people.dcpuJaipur, 'case-1', checkup)).resolves.toMatchObject({ section: 'MEDICAL', kind: 'CHECKUP', recordedBy: 'dcpu-jaipur', recordedRole: 'DCPU_OFFICER' });
    expect(added[0]!.audit.detail).toEqual({ caseId: 'case-1', section: 'MEDICAL', kind: 'CHECKUP', bodyId: 'DCPU-RJ-JAIPUR' });
  });

  it('opens for each reader only the sealed sections their role may read', async () => {
    await sut.list(people.dcpuJaipur, 'case-1', {});
    await sut.list(people.cwcJaipur, 'case-1', {});
    expect(opened.map((o) => [...o].sort())).toEqual([['MEDICAL'], ['COUNSELLING', 'MEDICAL']]);
  });
});
