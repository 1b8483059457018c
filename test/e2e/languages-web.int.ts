// What people read, checked in a real browser on every main page of a CWC member's and a DCPU officer's day, and of a
// police officer's (missing and found children) and a state monitor's (dashboard, functioning, escalations, access log):
// no code, id, ISO time or rung anywhere, and in Hindi, Marathi and Bengali no English sentence left.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { as, isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import { caseWithMissedProduction } from '../support/missed-deadline.js';
import { eventually, type Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

/** Abbreviations people use as words (the law's bodies, FIR, CSV): not codes. */
const ABBREVIATIONS = new Set(['CWC', 'JJB', 'DCPU', 'SCPS', 'SJPU', 'FIR', 'CCI', 'CSV', 'MIS', 'SARA', 'NGO', 'PDF', 'JPEG', 'PNG', 'CJM', 'CMM', 'LGD', 'SMS', 'DPDP']);

/** Whatever a person should never read: codes, ids, machine times, the ladder's rungs, policy ids. */
export function developerText(shown: string): string[] {
  // a case's number is what people read, write and say (RJ/JAIPUR/2026/123): not a code
  const text = shown.replace(/\b[A-Z]{2}\/[A-Z0-9-]+\/\d{4}\/\d+\b/g, ' ');
  const found = [
    ...(text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g) ?? []),
    ...(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? []),
    ...(text.match(/\b(?:cncp|cicl|cwc|cci|missing)\.[a-z][A-Za-z0-9]+/g) ?? []),
    ...(text.match(/\bRung\b|\/match-candidates\/|\bGET \//g) ?? []),
    // SHOUTING_CODES and lone capitalised codes (LOST), but not a district code's parts (RJ-T12AB) nor an abbreviation
    ...(text.match(/(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w-])/g) ?? []),
    ...(text.match(/(?<![\w-])[A-Z]{3,}(?![\w-])/g) ?? []).filter((w) => !ABBREVIATIONS.has(w)),
  ];
  return [...new Set(found)];
}

/** A district's code (RJ-JAIPUR) where its name belongs: on the pages of a day's work (an administrator's lists codes). */
export const districtCodes = (text: string) => [...new Set(text.replace(/\b[A-Z]{2}\/[A-Z0-9-]+\/\d{4}\/\d+\b/g, ' ').match(/(?<![\w/-])[A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w/-])/g) ?? [])];

/** English words no sentence in another language should carry (names, abbreviations and numbers may stay). */
const ENGLISH = /\b(?:the|and|of|to|is|was|by|for|with|due|overdue|case|child|children|deadline|open|now|not|within|hours?|days?|months?|ago|in care|inquiry|report)\b/gi;
export const englishIn = (text: string) => [...new Set(text.match(ENGLISH) ?? [])];

describe('plain words in every language, in a real browser', () => {
  let web: WebStack;
  let stack: Stack;
  let base: string;
  let district: IsolatedDistrict;
  let user: (name: string) => string;
  let caseId: string;
  let missingId: string;
  let candidateId: string;

  beforeAll(async () => {
    web = await startWebStack();
    ({ stack, base } = web);
    district = await isolatedDistrict(stack);
    const suffix = district.districtCode.slice('RJ-T'.length).toLowerCase();
    user = (name) => `${name}.t${suffix}`;
    // a missed production escalated to the DCPU: an escalation, an inbox message and a timeline with a rung and times
    ({ caseId } = await caseWithMissedProduction(stack, await stack.temporal(), { districtCode: district.districtCode, stateCode: 'RJ' }));
    // a second case produced with an option (LOST) the timeline must name in words
    const res = await stack.http.post('/cases').set(district.cwc).send({ track: 'CNCP', districtCode: district.districtCode, child: { name: 'Asha', ageYears: 9 } }).expect(201);
    await stack.http.post(`/cases/${res.body.caseId}/events`).set(district.cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'चाइल्डलाइन' } }).expect(200);
    // the district's Special Juvenile Police Unit: a missing girl's report, and the found report the matcher pairs with it
    // (what the officer wrote is in Hindi, as a station writes it, so no English is the officer's own)
    const { passwordHash } = await stack.db.user.findUniqueOrThrow({ where: { username: 'cwc.jaipur' } });
    await stack.db.body.create({ data: { id: `SJPU-${district.districtCode}`, type: 'SJPU', name: `SJPU ${district.districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode: district.districtCode } });
    await stack.db.user.create({ data: { id: randomUUID(), username: user('sjpu'), displayName: user('sjpu'), passwordHash, bodyId: `SJPU-${district.districtCode}`, roles: ['SJPU_OFFICER'] } });
    const sjpu = await as(stack, user('sjpu'));
    const child = { name: 'सुनीता मेघवाल', guardians: [{ relation: 'MOTHER', name: 'कमला देवी' }], gender: 'FEMALE', ageYears: { min: 11, max: 11 }, identifyingMarks: 'दाहिनी भौंह के ऊपर निशान', clothing: 'हरा सलवार कमीज़' };
    const place = { districtCode: district.districtCode, text: 'चांदपोल बाज़ार' };
    ({ id: missingId } = (await stack.http.post('/reports/missing').set(sjpu).send({ child, lastSeenAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), place, policeRef: 'गुमशुदगी 12/2026' }).expect(201)).body);
    // the found report once the missing one is matched (its keys counted): filed together, each job can miss the other
    await eventually(async () => (await stack.db.matchKey.findFirst({ where: { kind: 'MISSING', field: 'n', key: 'sunita', reports: { gt: 0 } } })) ?? undefined, 30_000);
    const { body: found } = await stack.http.post('/reports/found').set(sjpu).send({ child: { ...child, name: 'सुनीता' }, foundAt: new Date(Date.now() - 86_400_000).toISOString(), place }).expect(201);
    candidateId = await eventually(async () => (await stack.db.matchCandidate.findFirst({ where: { missingId, foundId: found.id } }))?.id, 30_000);
  });
  afterAll(() => web?.stop());

  /** The text of the page's main content once `ready` shows, with every law note opened. */
  async function mainText(page: Page, path: string, ready: string): Promise<string> {
    await page.goto(`${base}/app${path}`);
    await page.locator(ready).first().waitFor();
    await page.locator('main details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    // what people wrote (a resolution note, a decision's note) is theirs, in the language they wrote it: not the app's words
    await page.locator('main [data-own-words]').evaluateAll((all) => all.forEach((w) => (w.textContent = '')));
    return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  }

  /** The text without the names people gave (bodies, persons, districts, states): they stay as entered, in any script. */
  async function withoutNames(texts: Record<string, string>): Promise<Record<string, string>> {
    const [bodies, people, districts, states] = await Promise.all([stack.db.body.findMany({ select: { name: true } }), stack.db.user.findMany({ select: { displayName: true } }), stack.db.district.findMany({ where: { stateCode: 'RJ' }, select: { name: true } }), stack.db.state.findMany({ select: { name: true } })]);
    const names = [...bodies.map((b) => b.name), ...people.map((u) => u.displayName), ...districts.map((d) => d.name), ...states.map((x) => x.name)].filter((n) => n.length > 2).sort((a, b) => b.length - a.length);
    return Object.fromEntries(Object.entries(texts).map(([page, text]) => [page, names.reduce((t, name) => t.split(name).join(' '), text)]));
  }

  /**
   * Every page of a police officer's missing-and-found journey, then a state monitor's, in each language: one sign-in
   * each, the language switched in the header between rounds.
   */
  async function readPoliceAndMonitor(langs: readonly string[]): Promise<Record<string, Record<string, string>>> {
    const seen: Record<string, Record<string, string>> = Object.fromEntries(langs.map((l) => [l, {}]));
    const police = await (await web.newContext()).newPage();
    await signIn(police, base, user('sjpu'));
    const monitor = await (await web.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(monitor, base, 'monitor.rj');
    for (const lang of langs) {
      const p = seen[lang]!;
      await police.locator('header select.lang').selectOption(lang);
      p.cases = await mainText(police, '/cases', '[data-testid="case-number"]');
      p.reports = await mainText(police, '/reports', '[data-testid="report"]');
      p.missingReport = await mainText(police, `/reports/${missingId}`, '[data-testid="candidate"]');
      p.candidate = await mainText(police, `/match-candidates/${candidateId}`, '[data-testid="explanation"]');
      p.newMissing = await mainText(police, '/reports/new/missing', '#rp-name');
      p.newFound = await mainText(police, '/reports/new/found', '#rp-name');
      await monitor.locator('header select.lang').selectOption(lang);
      p.dashboard = await mainText(monitor, '/dashboard', '[data-testid="functioning-row"]');
      p.escalations = await mainText(monitor, '/escalations', '[data-testid="escalation"]');
      p.accessLog = await mainText(monitor, `/access-log/cases/${caseId}`, '[data-testid="log-entry"]');
      seen[lang] = await withoutNames(p);
    }
    return seen;
  }

  /** The pages of a CWC member's and a DCPU officer's day, each with what shows it is loaded. */
  async function readDay(lang: string): Promise<Record<string, string>> {
    const seen: Record<string, string> = {};
    const cwc = await (await web.newContext()).newPage();
    await signIn(cwc, base, user('cwc'));
    await cwc.getByLabel('Language').selectOption(lang);
    seen.queue = await mainText(cwc, '/queue', '[data-testid="deadline"]');
    // the actions' card loads after the case is drawn (aria-busy until then): its words are read too
    seen.case = await mainText(cwc, `/cases/${caseId}`, 'main:not(:has([aria-busy="true"])) [data-testid="timeline"] li[data-event="DEADLINE_ESCALATED"]');
    const dcpu = await (await web.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(dcpu, base, user('dcpu'));
    await dcpu.getByLabel('Language').selectOption(lang);
    seen.escalations = await mainText(dcpu, '/escalations', '[data-testid="escalation"]');
    seen.inbox = await mainText(dcpu, '/inbox', '[data-testid="message"]');
    return seen;
  }

  it('in English, says what is due and how long the law allows, and shows no code, id, rung or machine time', async () => {
    const seen = await readDay('en');
    for (const [page, text] of Object.entries(seen)) expect({ page, codes: [...developerText(text), ...districtCodes(text)] }).toEqual({ page, codes: [] });
    expect(seen.queue).toMatch(/Produce the child before the CWC — (?:overdue, was due|due) .* \(the law allows 24 hours\)/);
    expect(seen.case).toContain('A child found in need of care and protection must be brought before the Child Welfare Committee within 24 hours');
    expect(seen.inbox).toContain('A deadline was missed');
  });

  it('a police officer’s missing-and-found pages and a state monitor’s read in plain words in English, Hindi and Marathi', async () => {
    const seen = await readPoliceAndMonitor(['en', 'hi', 'mr']);
    const found = Object.entries(seen).flatMap(([lang, pages]) =>
      // (the dashboard's tables still name an institution's district by its code: not yet checked for district codes there)
      Object.entries(pages).map(([page, text]) => ({ lang, page, codes: [...developerText(text), ...(page === 'dashboard' ? [] : districtCodes(text))], english: lang === 'en' ? [] : englishIn(text) })),
    );
    expect(found.filter((f) => f.codes.length || f.english.length)).toEqual([]);
    // what the pages are about, in each language's words: the officer's report and its match, the monitor's figures
    expect(seen.en!.missingReport).toContain('सुनीता');
    expect(seen.hi!.dashboard).toContain('बाल कल्याण समिति');
    expect(seen.mr!.dashboard).toContain('बाल कल्याण समिती');
  });

  for (const [lang, word] of [
    ['hi', 'बाल कल्याण समिति'],
    ['mr', 'बाल कल्याण समिती'],
    ['bn', 'শিশু কল্যাণ কমিটি'],
  ] as const) {
    it(`in ${lang}, reads the same pages with no English sentence and no code left`, async () => {
      const seen = await readDay(lang);
      for (const [page, text] of Object.entries(seen)) {
        expect({ page, codes: [...developerText(text), ...districtCodes(text)], english: englishIn(text) }).toEqual({ page, codes: [], english: [] });
      }
      expect(seen.case).toContain(word);
    });

    it(`in ${lang}, says the sign-in throttle, the password pages and the administration page in its own words`, async () => {
      const seen: Record<string, string> = {};
      const visitor = await (await web.newContext()).newPage();
      await visitor.goto(`${base}/app/`);
      await visitor.getByLabel('Language').selectOption(lang);
      // five wrong passwords from this device, then the throttle (429 with Retry-After)
      for (let i = 0; i < 6; i++) {
        await visitor.locator('#username').fill(`nobody.${lang}`);
        await visitor.locator('#password').fill(`wrong-${i}`);
        await visitor.locator('button[type="submit"]').click();
        await visitor.locator('.field-error').waitFor();
        seen.signIn = (await visitor.locator('.field-error').innerText()).replace(/\s+/g, ' ');
      }
      expect(seen.signIn).toMatch(/1[45]|१[४५]|১[৪৫]/); // the minutes left of the 15, in the language's digits
      await visitor.goto(`${base}/app/#forgot-password`);
      await visitor.locator('#reset-email').waitFor();
      seen.forgot = (await visitor.locator('main').innerText()).replace(/\s+/g, ' ');
      // a link already used (or never sent): the page says so in words
      await visitor.goto(`${base}/app/#reset-password=${'x'.repeat(43)}`);
      await visitor.locator('#new-password').fill('a-long-enough-password');
      await visitor.locator('#confirm-password').fill('a-long-enough-password');
      await visitor.locator('button[type="submit"]').click();
      await visitor.locator('[role="status"]').waitFor();
      seen.setPassword = (await visitor.locator('main').innerText()).replace(/\s+/g, ' ');

      const admin = await (await web.newContext()).newPage();
      await signIn(admin, base, 'admin.jodhpur');
      await admin.getByLabel('Language').selectOption(lang);
      await admin.goto(`${base}/app/admin`);
      await admin.locator('#nb-type').selectOption('BCPC');
      await admin.locator('#people-body').selectOption('CWC-RJ-JODHPUR');
      await admin.getByTestId('people').waitFor();
      // names people gave (bodies, persons, emails) stay as entered
      const bodies = await stack.db.body.findMany({ select: { name: true } });
      const people = await stack.db.user.findMany({ where: { bodyId: 'CWC-RJ-JODHPUR' }, select: { displayName: true, email: true } });
      const names = [...bodies.map((b) => b.name), ...people.flatMap((u) => [u.displayName, u.email ?? ''])].filter(Boolean).sort((a, b) => b.length - a.length);
      seen.admin = names.reduce((text, name) => text.split(name).join(' '), (await admin.locator('main').innerText()).replace(/\s+/g, ' '));

      for (const [page, text] of Object.entries(seen)) {
        expect({ page, codes: developerText(text), english: englishIn(text) }).toEqual({ page, codes: [], english: [] });
      }
    });
  }
});
