// What people read, checked in a real browser on every main page of a CWC member's and a DCPU officer's day:
// no code, id, ISO time or rung anywhere, and in Hindi, Marathi and Bengali no English sentence left.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { isolatedDistrict, type IsolatedDistrict } from '../support/auth.js';
import { caseWithMissedProduction } from '../support/missed-deadline.js';
import type { Stack } from '../support/stack.js';
import { signIn, startWebStack, type WebStack } from './web.js';

/** Abbreviations people use as words (the law's bodies, FIR, CSV): not codes. */
const ABBREVIATIONS = new Set(['CWC', 'JJB', 'DCPU', 'SCPS', 'SJPU', 'FIR', 'CCI', 'CSV', 'MIS', 'SARA', 'NGO', 'PDF', 'JPEG', 'PNG', 'CJM', 'CMM', 'LGD']);

/** Whatever a person should never read: codes, ids, machine times, the ladder's rungs, policy ids. */
export function developerText(text: string): string[] {
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
  });
  afterAll(() => web?.stop());

  /** The text of the page's main content once `ready` shows, with every law note opened. */
  async function mainText(page: Page, path: string, ready: string): Promise<string> {
    await page.goto(`${base}/app${path}`);
    await page.locator(ready).first().waitFor();
    await page.locator('main details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  }

  /** The pages of a CWC member's and a DCPU officer's day, each with what shows it is loaded. */
  async function readDay(lang: string): Promise<Record<string, string>> {
    const seen: Record<string, string> = {};
    const cwc = await (await web.newContext()).newPage();
    await signIn(cwc, base, user('cwc'));
    await cwc.getByLabel('Language').selectOption(lang);
    seen.queue = await mainText(cwc, '/queue', '[data-testid="deadline"]');
    seen.case = await mainText(cwc, `/cases/${caseId}`, '[data-testid="timeline"] li[data-event="DEADLINE_ESCALATED"]');
    const dcpu = await (await web.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(dcpu, base, user('dcpu'));
    await dcpu.getByLabel('Language').selectOption(lang);
    seen.escalations = await mainText(dcpu, '/escalations', '[data-testid="escalation"]');
    seen.inbox = await mainText(dcpu, '/inbox', '[data-testid="message"]');
    return seen;
  }

  it('in English, says what is due and how long the law allows, and shows no code, id, rung or machine time', async () => {
    const seen = await readDay('en');
    for (const [page, text] of Object.entries(seen)) expect({ page, codes: developerText(text) }).toEqual({ page, codes: [] });
    expect(seen.queue).toMatch(/Produce the child before the CWC — (?:overdue, was due|due) .* \(the law allows 24 hours\)/);
    expect(seen.case).toContain('A child found in need of care and protection must be brought before the Child Welfare Committee within 24 hours');
    expect(seen.inbox).toContain('A deadline was missed');
  });

  for (const [lang, word] of [
    ['hi', 'बाल कल्याण समिति'],
    ['mr', 'बाल कल्याण समिती'],
    ['bn', 'শিশু কল্যাণ কমিটি'],
  ] as const) {
    it(`in ${lang}, reads the same pages with no English sentence and no code left`, async () => {
      const seen = await readDay(lang);
      for (const [page, text] of Object.entries(seen)) {
        expect({ page, codes: developerText(text), english: englishIn(text) }).toEqual({ page, codes: [], english: [] });
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
