// A case's read-model rows of known dates (India Standard Time), written as the projection writes them: what the
// dashboards count, without running months of a workflow. `steps` are the timeline's states after registration and
// production, each with its time.
import { randomUUID } from 'node:crypto';
import type { Db } from '@raksha/db';

export const ist = (t: string) => new Date(`${t}+05:30`);

export interface ProjectedCase {
  districtCode: string;
  stateCode?: string;
  thana?: string;
  registered: string;
  produced?: string;
  /** what a state's shortened demo deadline would have marked; the trends count the hours that passed instead */
  productionLate?: boolean;
  phase: string;
  steps?: [string, string][];
  merged?: boolean;
}

export async function projectedCase(db: Db, c: ProjectedCase): Promise<string> {
  const id = randomUUID();
  await db.case.create({
    data: {
      id, track: 'CNCP', state: 'x', phase: c.phase, districtCode: c.districtCode, stateCode: c.stateCode ?? c.districtCode.slice(0, 2), thanaCode: c.thana ?? null, registeredAt: ist(c.registered),
      ...(c.produced && { producedAt: ist(c.produced), productionLate: c.productionLate ?? false }),
      ...(c.merged && { mergedIntoId: randomUUID() }),
    },
  });
  const steps: [string, string][] = [['cncp.awaitingProduction', c.registered], ...(c.produced ? [['cncp.beforeCwc.interim', c.produced] as [string, string]] : []), ...(c.steps ?? [])];
  for (const [i, [toState, at]] of steps.entries()) await db.timelineEntry.create({ data: { caseId: id, sequence: i + 1, eventType: 'X', toState, payload: {}, occurredAt: ist(at) } });
  return id;
}
