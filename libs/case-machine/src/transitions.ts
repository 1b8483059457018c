// The machine's states and transitions as a list, for whatever reads the machine as data (the diagram, the
// milestones each event marks, the model tests).
import type { AnyStateNode, TransitionDefinition } from 'xstate';
import { caseMachine } from './machine.js';

export type AnyTransition = TransitionDefinition<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function allNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => allNodes(child as AnyStateNode))];
}

/** Every transition of the machine: source node, event ('always' for eventless), targets and guard. */
export function machineTransitions(): { source: AnyStateNode; event: string; transition: AnyTransition }[] {
  return allNodes(caseMachine.root).flatMap((node) => [
    ...[...node.transitions.entries()].flatMap(([event, list]) =>
      list.map((transition) => ({ source: node, event, transition: transition as AnyTransition })),
    ),
    ...(node.always ?? []).map((transition) => ({ source: node, event: 'always', transition: transition as AnyTransition })),
  ]);
}
