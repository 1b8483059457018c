// What an SMS and an email say: registered DLT templates only, within SMS length rules, in English and Hindi,
// and never the child's name (JJ Act s.74).
import { describe, expect, it } from '@jest/globals';
import { loadDltRegistry, fillSms, MAX_SMS_PARTS, smsLength, SmsTemplateError } from '../src/channels/sms-templates.js';
import { noticeSubjectOf } from '@raksha/domain';
import { digestDay, digestEmail, digestIsEmpty, messageKey, noticeEmail, smsVariables, type NoticeFacts } from '../src/channels/messages.js';
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
      // a case's notice links to the case; one about no case (a body's duty, a home's registration) to the inbox
      const url = ['ESCALATION', 'ESCALATION_REMINDER', 'CASE_UPDATE', 'MATCH_ALERT'].includes(t.key) ? `${webUrl}/cases/${caseId}` : `${webUrl}/inbox`;
      const longest = [longestNumber, longestNumber, longestNumber];
      const en = fillSms(registry, t.key, 'en', longest, url);
      const hi = fillSms(registry, t.key, 'hi', longest, url);
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

describe('notices about no case: each subject in its own plain words', () => {
  const dueAt = '2026-11-30T18:30:00.000Z';
  const escalationId = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
  const reportId = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
  const interventionId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  // every notice kind that is about no case, with the key its raiser writes and the body or home it names
  const notices: (NoticeFacts & { what: string })[] = [
    ...['cwc.sittings', 'cwc.cciVisits', 'cwc.quarterlyReturn', 'jjb.pendencyReport'].map((duty) => ({
      what: `a body's missed duty ${duty}`,
      kind: 'BODY_DUTY_MISSED',
      noticeKey: `watch-BODY_DUTY-CWC-RJ-JAIPUR.${duty}.${duty.endsWith('Visits') || duty.endsWith('sittings') ? '2026-11' : '2026-Q4'}-${duty}@${dueAt}#1`,
      bodyName: 'Child Welfare Committee, Jaipur',
    })),
    { what: 'a lapsed registration', kind: 'REGISTRATION_LAPSED', noticeKey: `watch-INSTITUTION_REGISTRATION-CCI-RJ-JAIPUR-0042-cci.registration@${dueAt}#0`, bodyName: 'Apna Ghar Children’s Home, Sanganer' },
    { what: 'a missing report not referred to the AHTU', kind: 'AHTU_REFERRAL_OVERDUE', noticeKey: `watch-MISSING_REPORT-${reportId}-missing.ahtuReferral@${dueAt}#0` },
    { what: 'a helpline call not answered', kind: 'INTERVENTION_RESPONSE_OVERDUE', noticeKey: `intervention-${interventionId}-intervention.response@${dueAt}#0` },
    { what: 'news about no case', kind: 'INTERVENTION_OPENED', noticeKey: `intervention-${interventionId}-opened` },
    { what: 'records destroyed', kind: 'RECORDS_DESTROYED', noticeKey: `records-destruction-RJ-2026-12-07` },
  ].map((n) => ({ caseId: null, caseNumber: null, bodyName: null, ...n, subject: noticeSubjectOf(n.noticeKey, null) }));
  // a reminder of a body's escalation: the subject is the escalation's watch's (DeliveryRepository.subjectOf)
  notices.push({
    what: 'a reminder of a missed duty',
    kind: 'ESCALATION_REMINDER',
    noticeKey: `escalation-${escalationId}-reminder`,
    caseId: null,
    caseNumber: null,
    subject: { type: 'BODY_DUTY', bodyId: 'CWC-RJ-JAIPUR', dutyId: 'cwc.sittings', period: '2026-11' },
    bodyName: 'Child Welfare Committee, Jaipur',
  });

  /** What a person must never read: a code, an id or a piece of the key, an ISO date, "Case" for what is no case. */
  function expectPlain(text: string) {
    const plain = text.replace(/https?:\/\/\S+/g, '');
    for (const id of [escalationId, reportId, interventionId]) expect(plain.toUpperCase()).not.toContain(id.replaceAll('-', '').slice(0, 8).toUpperCase());
    expect(plain).not.toMatch(/[A-Za-z]{2,}\.[A-Za-z]{2,}/); // a dotted code: cwc.sittings, cci.registration
    expect(plain).not.toMatch(/\b[A-Z]{2,}-[A-Z]{2,}/); // a body's id: CWC-RJ-JAIPUR
    expect(plain).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/); // a kind or subject: BODY_DUTY_MISSED
    expect(plain).not.toMatch(/\d{4}-\d{2}|\d{4}-Q\d|T\d{2}:\d{2}/); // a period label or an ISO timestamp
    expect(plain).not.toMatch(/\b[Cc]ase\b|केस/);
  }

  it('reads each kind of subject from the key its raiser writes', () => {
    expect(notices.map((n) => n.subject!.type)).toEqual(['BODY_DUTY', 'BODY_DUTY', 'BODY_DUTY', 'BODY_DUTY', 'INSTITUTION_REGISTRATION', 'MISSING_REPORT', 'INTERVENTION', 'INTERVENTION', 'OTHER', 'BODY_DUTY']);
    expect(notices[0]!.subject).toEqual({ type: 'BODY_DUTY', bodyId: 'CWC-RJ-JAIPUR', dutyId: 'cwc.sittings', period: '2026-11' });
    expect(notices[4]!.subject).toEqual({ type: 'INSTITUTION_REGISTRATION', bodyId: 'CCI-RJ-JAIPUR-0042' });
    expect(noticeSubjectOf(`escalation-${escalationId}-reminder`, null)).toEqual({ type: 'ESCALATION', escalationId });
    expect(noticeSubjectOf(`case-${caseId}-4-DCPU`, caseId)).toEqual({ type: 'CASE' });
  });

  it('names the body and the period of a missed duty in plain words, in English and Hindi', () => {
    const en = noticeEmail(notices[0]!, 'en', publicUrl);
    expect(en.subject).toBe('Raksha: Child Welfare Committee, Jaipur: sat on fewer than the 20 days required in November 2026 (JJ Act s.28(1))');
    expect(en.text).toContain(`${webUrl}/inbox`);
    expect(noticeEmail(notices[2]!, 'en', publicUrl).subject).toContain('for October to December 2026');
    const hi = noticeEmail(notices[0]!, 'hi', publicUrl);
    expect(hi.subject).toContain('Child Welfare Committee, Jaipur: नवंबर 2026 में अपेक्षित 20 दिनों से कम बैठकें कीं');
    expect(noticeEmail(notices[4]!, 'en', publicUrl).subject).toBe('Raksha: Apna Ghar Children’s Home, Sanganer: its registration under the JJ Act (s.41) has lapsed and is escalated to you');
    const sms = smsVariables(notices[0]!, publicUrl, 'hi');
    expect(fillSms(registry, sms.key, 'hi', sms.vars, sms.url).text).toBe(`रक्षा: Child Welfare Committee, Ja..., नवंबर 2026: बैठकें, धारा 28(1) पूरा नहीं हुआ, आपको भेजा गया। देखें: ${webUrl}/inbox`);
  });

  it('carries no code, key, id or ISO date, and never says "case", for every subject by email and SMS in both languages', () => {
    for (const n of notices) {
      for (const language of ['en', 'hi'] as const) {
        const mail = noticeEmail(n, language, publicUrl);
        const { key, vars, url } = smsVariables(n, publicUrl, language);
        const sms = fillSms(registry, key, language, vars, url);
        for (const text of [mail.subject, mail.text, mail.html.replace(/<[^>]+>/g, ' '), sms.text.replace(url, '')]) {
          try {
            expectPlain(text);
          } catch (e) {
            throw new Error(`${n.what} (${language}): ${text}\n${String(e)}`, { cause: e });
          }
        }
      }
    }
  });

  it('still speaks of a case by its number when the notice is about one', () => {
    const n = { kind: 'ESCALATION_REMINDER', caseId, caseNumber, noticeKey: `escalation-${caseId}-reminder`, subject: { type: 'CASE' } as const };
    expect(noticeEmail(n, 'en', publicUrl).subject).toBe('Raksha: Reminder — case RJ/JAIPUR/2026/123: the escalation is not yet acknowledged');
    expect(smsVariables(n, publicUrl)).toEqual({ key: 'ESCALATION_REMINDER', vars: [caseNumber], url: `${webUrl}/cases/${caseId}` });
  });
});
