// Keeps a case's workflow findable in Temporal's UI by where the case stands now.
import { upsertSearchAttributes } from '@temporalio/workflow';
import { describeState, type CaseSnapshot } from '@raksha/case-machine/workflow';
import { CaseIdAttribute, CasePhaseAttribute, CaseStateAttribute, DistrictCodeAttribute, StateCodeAttribute, TrackAttribute } from '@raksha/contracts/temporal';

/** Upserts the case's position; with `onlyChanged`, only the attributes that differ from the last upsert of this run. */
export function searchPositionPublisher(caseId: string, onlyChanged: boolean): (snapshot: CaseSnapshot) => void {
  /** What this run last upserted, by attribute name, so an unchanged position costs no command. */
  const published = new Map<string, string>();
  return (snapshot) => {
    const { state, phase } = describeState(snapshot);
    const position = [
      { key: CaseIdAttribute, value: caseId },
      { key: TrackAttribute, value: snapshot.context.track },
      { key: DistrictCodeAttribute, value: snapshot.context.districtCode },
      { key: StateCodeAttribute, value: snapshot.context.stateCode },
      { key: CaseStateAttribute, value: state },
      { key: CasePhaseAttribute, value: phase },
    ];
    if (!onlyChanged) return upsertSearchAttributes(position);
    const changed = position.filter(({ key, value }) => published.get(key.name) !== value);
    if (!changed.length) return;
    for (const { key, value } of changed) published.set(key.name, value);
    upsertSearchAttributes(changed);
  };
}
