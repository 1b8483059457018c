// Writes docs/case-machine.md (Mermaid diagram, deadline and event tables) from the machine itself.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCaseMachineDoc } from '@raksha/case-machine/diagram';

const target = fileURLToPath(new URL('../docs/case-machine.md', import.meta.url));
writeFileSync(target, renderCaseMachineDoc());
console.log(`wrote ${target}`);
