import { describe, expect, it } from '@jest/globals';
import { acceptedAdvisories, auditVerdict } from './findings.js';

/** An `npm audit --json` report (version 2) as npm 11 writes it, trimmed to what the verdict reads. */
const report = (vulnerabilities: object, counts: object) => JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });
const highInWs = {
  ws: {
    name: 'ws',
    severity: 'high',
    via: [{ source: 1098392, name: 'ws', title: 'ws affected by a DoS when handling a request with many HTTP headers', url: 'https://github.com/advisories/GHSA-3h5v-q93c-6h6q', severity: 'high', range: '>=8.0.0 <8.17.1' }],
  },
  'engine.io': { name: 'engine.io', severity: 'high', via: ['ws'] },
  semver: { name: 'semver', severity: 'moderate', via: [{ source: 1, title: 'ReDoS', url: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw', severity: 'moderate' }] },
};

describe('dependency audit verdict', () => {
  it('fails on a high advisory, naming it and its package, and not on a moderate one', () => {
    expect(auditVerdict(report(highInWs, { moderate: 1, high: 2, critical: 0 }), [])).toEqual({
      kind: 'vulnerable',
      findings: [{ advisory: 'GHSA-3h5v-q93c-6h6q', pkg: 'ws', severity: 'high', title: 'ws affected by a DoS when handling a request with many HTTP headers' }],
    });
  });

  it('passes when the only high advisory is accepted in docs/accepted-advisories.md', () => {
    const accepted = acceptedAdvisories('| Advisory | Package |\n| --- | --- |\n| GHSA-3h5v-q93c-6h6q | ws | unreachable: no WebSocket server | 2027-03-01 |\n');
    expect(accepted).toEqual(['GHSA-3h5v-q93c-6h6q']);
    expect(auditVerdict(report(highInWs, { moderate: 1, high: 2 }), accepted)).toMatchObject({ kind: 'clean', accepted: ['GHSA-3h5v-q93c-6h6q'] });
  });

  it('says the audit service could not be asked when the registry answers no report', () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', error: { summary: '' } });
    expect(auditVerdict(refused, [])).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/405 Method Not Allowed/) });
  });
});
