// What an SMS and an email say: registered DLT templates only, within SMS length rules, in English and Hindi,
// and never the child's name (JJ Act s.74).
import { describe, expect, it } from '@jest/globals';
import { loadDltRegistry, fillSms, MAX_SMS_PARTS, smsLength, SmsTemplateError } from '../src/channels/sms-templates.js';
import { digestDay, digestEmail, digestIsEmpty, messageKey, noticeEmail, smsVariables } from '../src/channels/messages.js';
import { localDay } from '../src/digest.js';

const registry = loadDltRegistry();
const caseId = '3f2a91c0-5b7e-4d1a-9c3e-0123456789ab';
const caseNumber = 'RJ/JAIPUR/2026/123';
// the longest a case number gets: a 12-letter district code and a seven-digit serial
const longestNumber = 'CG/KHAIRAGARH-C/2026/1234567';
// a long deployment address: the link is the longest part of every SMS
const publicUrl = 'https://raksha.wcd.rajasthan.gov.in';
const webUrl = `${publicUrl}/app`;

describe('SMS length rules', () => {
  it('counts GSM-7 text in 160-character parts (153 when split) and Unicode text in 70 (67)', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ unicode: false, units: 160, parts: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ unicode: false, units: 161, parts: 2 });
    expect(smsLength('€'.repeat(80))).toEqual({ unicode: false, units: 160, parts: 1 });
    expect(smsLength('क'.repeat(70))).toEqual({ unicode: true, units: 70, parts: 1 });
    expect(smsLength('क'.repeat(71))).toEqual({ unicode: true, units: 71, parts: 2 });
    expect(smsLength(`${'a'.repeat(100)}क`)).toMatchObject({ unicode: true, parts: 2 });
  });
});

describe('the DLT template registry', () => {
  it('fills every registered template in English (GSM-7) and Hindi (Unicode) within the part limit', () => {
    for (const t of registry.templates) {
      const en = fillSms(registry, t.key, 'en', [longestNumber], `${webUrl}/cases/${caseId}`);
      const hi = fillSms(registry, t.key, 'hi', [longestNumber], `${webUrl}/cases/${caseId}`);
      expect(en).toMatchObject({ dltTemplateId: t.dltTemplateId, unicode: false });
      expect(hi).toMatchObject({ dltTemplateId: t.dltTemplateId, unicode: true });
      expect(Math.max(en.parts, hi.parts)).toBeLessThanOrEqual(MAX_SMS_PARTS);
      expect(en.text).not.toMatch(/\{#/);
    }
  });

  it('refuses a template that is not registered, a variable over 30 characters, and a message over the part limit', () => {
    expect(() => fillSms(registry, 'BIRTHDAY', 'en', ['x'], 'u')).toThrow(SmsTemplateError);
    expect(() => fillSms(registry, 'ESCALATION', 'en', ['x'.repeat(31)], 'u')).toThrow('longer than 30');
    expect(() => fillSms(registry, 'ESCALATION', 'hi', ['x'], `${webUrl}/${'y'.repeat(200)}`)).toThrow(`more than ${MAX_SMS_PARTS}`);
  });

  it('takes each kind of notice to its template: escalations of every kind, reminders, match alerts, the rest', () => {
    expect(['DEADLINE_ESCALATED', 'REGISTRATION_LAPSED', 'AHTU_REFERRAL_OVERDUE', 'ESCALATION_REMINDER', 'MATCH_ALERT', 'CASE_REGISTERED'].map(messageKey)).toEqual([
      'ESCALATION',
      'ESCALATION',
      'ESCALATION',
      'ESCALATION_REMINDER',
      'MATCH_ALERT',
      'CASE_UPDATE',
    ]);
  });
});

describe('what an email and an SMS carry', () => {
  const notice = { kind: 'DEADLINE_ESCALATED', caseId, caseNumber, noticeKey: `escalation-${caseId}` };

  it('says the case number (never its id) and links to the case, in the reader’s language', () => {
    const en = noticeEmail(notice, 'en', publicUrl);
    expect(en.subject).toBe('Raksha: Case RJ/JAIPUR/2026/123: a deadline under the JJ Act was missed and is escalated to you');
    expect(en.text).not.toContain('3F2A91C0');
    expect(en.text).toContain(`${webUrl}/cases/${caseId}`);
    expect(en.html).toContain(`href="${webUrl}/cases/${caseId}"`);
    const hi = noticeEmail(notice, 'hi', publicUrl);
    expect(hi.subject).toContain('केस RJ/JAIPUR/2026/123');
    expect(hi.html).toContain('lang="hi"');
    expect(smsVariables(notice, publicUrl)).toEqual({ key: 'ESCALATION', vars: [caseNumber], url: `${webUrl}/cases/${caseId}` });
  });

  it('refers to a match of two reports by the id its notice names, and links to the inbox', () => {
    const match = { kind: 'MATCH_ALERT', caseId: null, caseNumber: null, noticeKey: 'match-alert-9b1c0d2e-aaaa-4bbb-8ccc-dddddddddddd-CWC-RJ-JAIPUR' };
    expect(smsVariables(match, publicUrl)).toEqual({ key: 'MATCH_ALERT', vars: ['9B1C0D2E'], url: `${webUrl}/inbox` });
  });
});

describe('the daily digest email', () => {
  const cases = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `${i}f2a91c0-5b7e-4d1a-9c3e-0123456789ab`, number: `RJ/JAIPUR/2026/${200 + i}` }));

  it('says each count with its cases by number and link, leaves out what is nil, and says how many more', () => {
    const facts = { escalationsOpen: { count: 1, cases: [{ id: caseId, number: caseNumber }] }, overdue: { count: 12, cases: cases(10) }, dueThisWeek: { count: 0, cases: [] } };
    const mail = digestEmail(facts, 'en', '7 December', publicUrl);
    expect(mail.subject).toBe('Raksha: your summary for 7 December');
    expect(mail.text).toContain('Escalations not yet resolved: 1 — case RJ/JAIPUR/2026/123\n');
    expect(mail.text).toContain(`Cases past a deadline: 12 — cases ${cases(10).map((c) => c.number).join(', ')} and 2 more`);
    expect(mail.text).not.toContain('next seven days');
    expect(mail.html).toContain(`<a href="${webUrl}/cases/${caseId}">RJ/JAIPUR/2026/123</a>`);
    expect(mail.text).toContain(`Open Raksha: ${webUrl}/`);
    expect(digestIsEmpty({ escalationsOpen: { count: 0, cases: [] }, overdue: { count: 0, cases: [] }, dueThisWeek: { count: 0, cases: [] } })).toBe(true);
  });

  it('names the day in the reader’s language and the deployment’s zone, and keys it by that zone’s date', () => {
    // 20:00 UTC on 6 December is already 7 December in India
    const at = new Date('2026-12-06T20:00:00Z');
    expect(localDay(at, 'Asia/Kolkata')).toBe('2026-12-07');
    expect(localDay(at, 'UTC')).toBe('2026-12-06');
    expect(digestDay(at, 'en', 'Asia/Kolkata')).toBe('7 December');
    expect(digestDay(at, 'hi', 'Asia/Kolkata')).toBe('7 दिसंबर');
  });
});
