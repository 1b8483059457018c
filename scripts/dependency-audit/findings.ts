// What `npm audit --json` (report version 2) says, read for CI: the high and critical advisories not accepted in
// docs/accepted-advisories.md, or that the audit service could not be asked.

export type AuditVerdict =
  | { kind: 'clean'; counts: Record<string, number>; accepted: string[] }
  | { kind: 'vulnerable'; findings: { advisory: string; pkg: string; severity: string; title: string }[] }
  | { kind: 'unavailable'; reason: string };

interface Via {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}

interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; via: (Via | string)[] }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: { summary?: string };
}

const SERIOUS = new Set(['high', 'critical']);

/** The advisory's id as GitHub names it (GHSA-xxxx-xxxx-xxxx), from its URL. */
export const advisoryId = (via: Via) => via.url?.match(/GHSA(-[0-9a-z]{4}){3}/)?.[0] ?? `npm-${via.source ?? via.name ?? 'unknown'}`;

/** The advisory ids a line of docs/accepted-advisories.md accepts: `| GHSA-… | package | why | until |` rows. */
export const acceptedAdvisories = (markdown: string) => [...markdown.matchAll(/^\|\s*(GHSA(?:-[0-9a-z]{4}){3})\s*\|/gm)].map((m) => m[1]!);

export function auditVerdict(stdout: string, accepted: readonly string[]): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    return { kind: 'unavailable', reason: `npm audit answered no report: ${stdout.slice(0, 200)}` };
  }
  if (!report.metadata?.vulnerabilities) return { kind: 'unavailable', reason: report.error?.summary || report.message || 'npm audit answered no report' };
  const findings = new Map<string, { advisory: string; pkg: string; severity: string; title: string }>();
  const waived = new Set<string>();
  for (const [pkg, v] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of v.via) {
      if (typeof via === 'string' || !SERIOUS.has(via.severity ?? '')) continue;
      const advisory = advisoryId(via);
      if (accepted.includes(advisory)) waived.add(advisory);
      else findings.set(`${advisory} ${pkg}`, { advisory, pkg, severity: via.severity!, title: via.title ?? '' });
    }
  }
  return findings.size > 0 ? { kind: 'vulnerable', findings: [...findings.values()] } : { kind: 'clean', counts: report.metadata.vulnerabilities, accepted: [...waived] };
}
