// A case's stage for people, read from the catalogue alone, so a page that names a stage (a list of cases, the case
// page's first paint, the timeline) does not download the case machine.

type Tx = (key: string, fallback: string) => string;

/**
 * The message `<prefix>.<state>`, else that of the nearest state enclosing it: the machine labels and cites a few
 * states for all the states inside them, and i18n.spec.ts holds a label and a citation for every labelled state, so
 * the words and the citation always come from the same state.
 */
function nearest(tx: Tx, prefix: 'state' | 'stateSection', state: string): string | undefined {
  for (let path = state; path; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
    const words = tx(`${prefix}.${path}`, '');
    if (words) return words;
  }
  return undefined;
}

/** The stage in the reader's words. */
export function stageWords(tx: Tx, state: string): string {
  return nearest(tx, 'state', state) ?? state;
}

/** The provision the stage rests on (the Act's section, a rule, a judgment), in the reader's language. */
export function stageSection(tx: Tx, state: string): string | undefined {
  return nearest(tx, 'stateSection', state);
}
