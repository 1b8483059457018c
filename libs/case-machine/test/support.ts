import {
  initialCaseSnapshot,
  openDeadlines,
  prepareCaseEvent,
  type CaseAction,
  type CaseEvent,
  type CaseEventRejection,
  type CaseInput,
  type CaseSnapshot,
  describeState,
} from '../src/index.js';

export const REASONS = 'reasons recorded in the order sheet';
export const T0 = '2025-01-06T10:00:00+05:30';

type Payload<E extends CaseEvent['type']> = Omit<Extract<CaseEvent, { type: E }>, 'type' | 'at'>;

/** A case under test: send events in order, read its state and deadlines. */
export class CaseUnderTest {
  snapshot: CaseSnapshot;
  /** The case's version: the events it has taken. */
  sequence = 0;
  /** The actions of the last event taken, or why the last event was refused. */
  last?: { actions: CaseAction[]; rejection?: CaseEventRejection };
  constructor(input: Partial<CaseInput> & Pick<CaseInput, 'track'>) {
    this.snapshot = initialCaseSnapshot({
      caseId: 'case-1',
      registeredAt: T0,
      child: { ageYears: 10, gender: 'MALE' },
      districtCode: 'IN-DL-ND',
      stateCode: 'IN-DL',
      ...input,
    });
  }
  /** Sends an event; returns whether the machine took it. */
  send<E extends CaseEvent['type']>(type: E, at: string, payload: Payload<E>): boolean {
    // The path the workflow takes an event by: schema, then the machine in its state.
    const prepared = prepareCaseEvent(this.snapshot, { type, payload: payload as Record<string, unknown>, at, sequence: this.sequence });
    if (prepared.rejection) {
      this.last = { actions: [], rejection: prepared.rejection };
      return false;
    }
    this.last = { actions: prepared.next.actions };
    this.snapshot = prepared.next.snapshot;
    this.sequence += 1;
    return true;
  }
  /** Like send, but the test fails at once if the machine refuses. */
  must<E extends CaseEvent['type']>(type: E, at: string, payload: Payload<E>): this {
    if (!this.send(type, at, payload)) {
      throw new Error(`${type} refused in ${this.state}: ${JSON.stringify(this.last?.rejection)}`);
    }
    return this;
  }
  get state(): string {
    return describeState(this.snapshot).state;
  }
  get context() {
    return this.snapshot.context;
  }
  deadline(id: string) {
    return openDeadlines(this.snapshot).find((d) => d.id === id);
  }
  get deadlineIds(): string[] {
    return openDeadlines(this.snapshot).map((d) => d.id).sort();
  }
}

/** CNCP case produced and in inquiry with the SIR received. */
export function cncpWithSir(
  input: Partial<CaseInput> = {},
  circumstance: 'ABANDONED' | 'LOST' | 'ORPHAN' = 'LOST',
  finding: 'FAMILY_TRACED' | 'ORPHAN' | 'ABANDONED' | 'OTHER' = 'FAMILY_TRACED',
): CaseUnderTest {
  return new CaseUnderTest({ track: 'CNCP', ...input })
    .must('PRODUCED_BEFORE_CWC', '2025-01-06T20:00:00+05:30', { circumstance, producedBy: 'CHILDLINE' })
    .must('INTERIM_PLACEMENT_ORDERED', '2025-01-07T11:00:00+05:30', {
      placement: input.child?.ageYears !== undefined && input.child.ageYears < 6 && circumstance !== 'LOST'
        ? 'SPECIALISED_ADOPTION_AGENCY'
        : 'CHILDRENS_HOME',
      orderRef: 'F18-1',
    })
    .must('SIR_ORDERED', '2025-01-07T11:00:00+05:30', { sirRef: 'SIR-1' })
    .must('SIR_SUBMITTED', '2025-01-15T11:00:00+05:30', { sirRef: 'SIR-1', finding });
}

/** CICL case produced before the JJB with bail decided. */
export function ciclProduced(offenceCategory: 'PETTY' | 'SERIOUS' | 'HEINOUS', ageAtOffence = 15): CaseUnderTest {
  return new CaseUnderTest({ track: 'CICL', child: { ageYears: ageAtOffence } })
    .must('PRODUCED_BEFORE_JJB', '2025-01-06T20:00:00+05:30', { offenceCategory, ageAtOffence })
    .must('BAIL_DECIDED', '2025-01-06T21:00:00+05:30', { granted: true });
}
