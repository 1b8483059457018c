// `npm run audit:deps` (a step of `npm test`): `npm audit` at high severity. High or critical advisories fail it unless
// docs/accepted-advisories.md accepts them with a reason; when the registry's audit service cannot be asked (a mirror
// that serves packages only), it says so and does not fail: the check needs that service, nothing else.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { acceptedAdvisories, auditVerdict } from './findings.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const stdout = await new Promise<string>((resolve) =>
  // npm exits 1 when it finds anything at all; the verdict reads the report instead
  execFile('npm', ['audit', '--json', '--audit-level=high'], { cwd: ROOT, maxBuffer: 64 << 20, timeout: 120_000 }, (_err, out) => resolve(out)),
);
const verdict = auditVerdict(stdout, acceptedAdvisories(await readFile(`${ROOT}docs/accepted-advisories.md`, 'utf8')));
if (verdict.kind === 'vulnerable') {
  for (const f of verdict.findings) console.error(`[audit] ${f.severity.toUpperCase()} ${f.advisory} in ${f.pkg}: ${f.title}`);
  console.error('[audit] upgrade to a fixed exact version, or accept the advisory with a reason in docs/accepted-advisories.md');
  process.exitCode = 1;
} else if (verdict.kind === 'unavailable') {
  console.warn(`[audit] WARNING: the registry's audit service could not be asked (${verdict.reason}); dependencies NOT audited`);
} else {
  const c = verdict.counts;
  console.log(`[audit] no unaccepted high or critical advisories (critical ${c.critical ?? 0}, high ${c.high ?? 0}, moderate ${c.moderate ?? 0}, low ${c.low ?? 0}; accepted: ${verdict.accepted.join(', ') || 'none'})`);
}
