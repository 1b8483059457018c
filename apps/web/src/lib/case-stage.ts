// What the machine says about a case's state, for people: its label, its phase, the events it can take.
import { caseMachine, EVENT_AUTHORITY, maySend, type CaseEventType } from '@raksha/case-machine';
import type { Actor, BodyType } from '@raksha/domain';

interface NodeLike {
  id: string;
  meta?: { label?: string; phase?: string; citation?: string };
  parent?: NodeLike;
  ownEvents: string[];
}

function nodeOf(state: string): NodeLike | undefined {
  try {
    return caseMachine.getStateNodeById(`case.${state}`) as unknown as NodeLike;
  } catch {
    return undefined;
  }
}

/** The English label the machine gives the state (the i18n key is `state.<path>`). */
export function stateLabel(state: string): string {
  for (let n = nodeOf(state); n; n = n.parent) if (n.meta?.label) return n.meta.label;
  return state;
}

export function stateCitation(state: string): string | undefined {
  for (let n = nodeOf(state); n; n = n.parent) if (n.meta?.citation) return n.meta.citation;
  return undefined;
}

/**
 * Events the state and its ancestors have transitions for, guards aside. The API answers the exact list
 * after each event; this is the fallback when the page has only the case's state.
 */
export function eventsOfState(state: string): CaseEventType[] {
  const seen = new Set<string>();
  for (let n = nodeOf(state); n; n = n.parent) for (const e of n.ownEvents) seen.add(e);
  return (Object.keys(EVENT_AUTHORITY) as CaseEventType[]).filter((t) => seen.has(t));
}

/** Of `events`, those one of the person's roles (in their body) may send. */
export function sendableBy(events: readonly string[], roles: readonly string[], body: BodyType | undefined): CaseEventType[] {
  return events.filter((e): e is CaseEventType => Object.hasOwn(EVENT_AUTHORITY, e) && roles.some((r) => maySend(e as CaseEventType, r as Actor, body)));
}

/** The role a person acts in for an event (the first of theirs that may send it). */
export function citationOf(type: string): string | undefined {
  return Object.hasOwn(EVENT_AUTHORITY, type) ? EVENT_AUTHORITY[type as CaseEventType].citation : undefined;
}
