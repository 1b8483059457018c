// What an SMS, email or webhook says about a notice. Never the notice's own subject or body, which may name the
// child: only the kind of news, a case reference and a link (JJ Act s.74 bars disclosing a child's identity in
// any media; an SMS or an email's subject and preview are read on lock screens and shared phones).
import { webAppLink } from '@raksha/contracts';
import { ESCALATION_NOTICE_KINDS, type NoticeSubject } from '@raksha/domain';
import type { Language } from './language.js';

/** Notices that always go by every verified channel, whatever a person chose (libs/domain ESCALATION_NOTICE_KINDS). */
export const ESCALATION_KINDS: ReadonlySet<string> = new Set(ESCALATION_NOTICE_KINDS);

/** A short reference for a notice about no one case (a match of two reports, a helpline call): the first eight characters of the id its key names, in capitals. */
export function shortReference(id: string): string {
  return id.replaceAll('-', '').slice(0, 8).toUpperCase();
}

/** Where a notice's link leads: the case's page, or the inbox for a notice about no one case. */
export function noticeLink(publicUrl: string, caseId: string | null): string {
  return webAppLink(publicUrl, caseId ? `/cases/${caseId}` : '/inbox');
}

interface Words {
  /** a short line saying what happened, with the case reference */
  headline(ref: string): string;
  /** what the reader should do */
  ask: string;
}

const WORDS: Record<'ESCALATION' | 'ESCALATION_REMINDER' | 'MATCH_ALERT' | 'CASE_UPDATE', Record<Language, Words>> = {
  ESCALATION: {
    en: { headline: (ref) => `Case ${ref}: a deadline under the JJ Act was missed and is escalated to you`, ask: 'Please open the case, acknowledge the escalation and act on it.' },
    hi: { headline: (ref) => `केस ${ref}: जेजे अधिनियम की एक समय-सीमा चूक गई है और मामला आपको भेजा गया है`, ask: 'कृपया केस खोलें, चूक को स्वीकार करें और कार्रवाई करें।' },
  },
  ESCALATION_REMINDER: {
    en: { headline: (ref) => `Reminder — case ${ref}: the escalation is not yet acknowledged`, ask: 'Please open the case and acknowledge the escalation.' },
    hi: { headline: (ref) => `अनुस्मारक — केस ${ref}: चूक अभी तक स्वीकार नहीं की गई है`, ask: 'कृपया केस खोलें और चूक को स्वीकार करें।' },
  },
  MATCH_ALERT: {
    en: { headline: (ref) => `A missing and a found child report may match (ref ${ref})`, ask: 'Please review the possible match in Raksha.' },
    hi: { headline: (ref) => `एक गुमशुदा और एक मिले बच्चे की रिपोर्ट मेल खा सकती है (संदर्भ ${ref})`, ask: 'कृपया रक्षा में संभावित मिलान देखें।' },
  },
  CASE_UPDATE: {
    en: { headline: (ref) => `Case ${ref}: there is news for you`, ask: 'Please open the case in Raksha.' },
    hi: { headline: (ref) => `केस ${ref}: आपके लिए नई जानकारी है`, ask: 'कृपया रक्षा में केस खोलें।' },
  },
};

/** Which wording (and which DLT template) a kind of notice about a case takes. */
export function messageKey(kind: string): keyof typeof WORDS {
  if (kind === 'ESCALATION_REMINDER') return 'ESCALATION_REMINDER';
  if (ESCALATION_KINDS.has(kind)) return 'ESCALATION';
  if (kind === 'MATCH_ALERT') return 'MATCH_ALERT';
  return 'CASE_UPDATE';
}

export interface NoticeFacts {
  kind: string;
  caseId: string | null;
  /** the case's readable number (RJ/JAIPUR/2026/123), what a person reads and says on the phone */
  caseNumber: string | null;
  /** the notice's own key, for a reference when there is no case */
  noticeKey: string;
  /** what the notice is about (DeliveryRepository.subjectOf); without it, a case when there is one */
  subject?: NoticeSubject;
  /** the body or home a notice about no case concerns, by its name */
  bodyName?: string | null;
}

/** The case's number; for a notice about no case (a match of two reports, a helpline call), the id its key names. */
function referenceOf(n: NoticeFacts): string {
  if (n.caseNumber) return n.caseNumber;
  const id = n.caseId ?? /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(n.noticeKey)?.[0];
  return id ? shortReference(id) : n.noticeKey.slice(-8).toUpperCase();
}

/** The subject a message speaks of: a notice with a case is about it (a match alert keeps its own wording). */
function subjectOf(n: NoticeFacts): NoticeSubject {
  if (n.subject) return n.subject;
  return n.caseId ? { type: 'CASE' } : { type: 'OTHER' };
}

const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  hi: ['जनवरी', 'फ़रवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर'],
};

/** A duty's period as people say it: "November 2026", "October to December 2026" ("अक्टूबर से दिसंबर 2026"). */
export function periodWords(period: string, language: Language): string {
  const m = MONTHS[language];
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${m[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3;
    return `${m[first]} ${language === 'hi' ? 'से' : 'to'} ${m[first + 2]} ${quarter[1]}`;
  }
  return language === 'hi' ? 'पिछली अवधि' : 'the last period';
}

/** Each watched duty of a CWC or JJB (libs/case-machine body-duties.ts): the miss in a sentence, and in an SMS's 30 characters. */
const DUTY_WORDS: Record<string, Record<Language, { missed(period: string): string; short: string }>> = {
  'cwc.sittings': {
    en: { missed: (p) => `sat on fewer than the 20 days required in ${p} (JJ Act s.28(1))`, short: 'sittings, JJ Act s.28(1)' },
    hi: { missed: (p) => `${p} में अपेक्षित 20 दिनों से कम बैठकें कीं (जेजे अधिनियम धारा 28(1))`, short: 'बैठकें, धारा 28(1)' },
  },
  'cwc.cciVisits': {
    en: { missed: (p) => `did not visit each child care institution twice in ${p} (JJ Act s.30(viii))`, short: 'home visits, JJ Act s.30(viii)' },
    hi: { missed: (p) => `${p} में हर बाल देखरेख संस्था का दो बार निरीक्षण नहीं किया (जेजे अधिनियम धारा 30(viii))`, short: 'निरीक्षण, धारा 30(viii)' },
  },
  'cwc.quarterlyReturn': {
    en: { missed: (p) => `did not send the quarterly return (Form 16) for ${p} to the District Magistrate (Model Rules r.17(ii))`, short: 'quarterly return, r.17(ii)' },
    hi: { missed: (p) => `${p} की त्रैमासिक विवरणी (प्रपत्र 16) जिला मजिस्ट्रेट को नहीं भेजी (आदर्श नियम 17(ii))`, short: 'विवरणी, नियम 17(ii)' },
  },
  'jjb.pendencyReport': {
    en: { missed: (p) => `did not send the pendency of cases for ${p} to the CJM / CMM and the District Magistrate (JJ Act s.16(3))`, short: 'pendency report, s.16(3)' },
    hi: { missed: (p) => `${p} के लंबित मामलों की रिपोर्ट सीजेएम / सीएमएम और जिला मजिस्ट्रेट को नहीं भेजी (जेजे अधिनियम धारा 16(3))`, short: 'लंबन रिपोर्ट, धारा 16(3)' },
  },
};
const ANY_DUTY: Record<Language, { missed(period: string): string; short: string }> = {
  en: { missed: (p) => `missed a duty under the JJ Act in ${p}`, short: 'a duty under the JJ Act' },
  hi: { missed: (p) => `${p} में जेजे अधिनियम का एक कर्तव्य पूरा नहीं किया`, short: 'जेजे अधिनियम का कर्तव्य' },
};

/** What the reader calls the body or home when its name is not on record (deleted since). */
const SOMEONE: Record<'BODY_DUTY' | 'INSTITUTION_REGISTRATION', Record<Language, string>> = {
  BODY_DUTY: { en: 'A committee or board of your area', hi: 'आपके क्षेत्र की एक समिति या बोर्ड' },
  INSTITUTION_REGISTRATION: { en: 'A child care institution of your area', hi: 'आपके क्षेत्र की एक बाल देखरेख संस्था' },
};

const NO_CASE: Record<'MISSING_REPORT' | 'INTERVENTION' | 'OTHER', Record<Language, string>> = {
  MISSING_REPORT: { en: 'A missing child report was not referred to the Anti-Human Trafficking Unit in time', hi: 'एक गुमशुदा बच्चे की रिपोर्ट समय पर मानव तस्करी विरोधी इकाई को नहीं भेजी गई' },
  INTERVENTION: { en: 'A child in distress reported to the helpline was not reached in time', hi: 'हेल्पलाइन को बताए गए संकट में पड़े एक बच्चे तक समय पर नहीं पहुँचा गया' },
  OTHER: { en: 'A duty under the JJ Act was missed', hi: 'जेजे अधिनियम का एक दायित्व चूक गया' },
};
const NEWS: Record<Language, string> = { en: 'There is news for you in Raksha', hi: 'रक्षा में आपके लिए नई जानकारी है' };
const NEWS_ASK: Record<Language, string> = { en: 'Please open Raksha.', hi: 'कृपया रक्षा खोलें।' };
const ESCALATED: Record<Language, string> = { en: 'escalated to you', hi: 'मामला आपको भेजा गया है' };
const ACT: Record<Language, string> = { en: 'Please see Raksha, acknowledge the escalation and act on it.', hi: 'कृपया रक्षा देखें, चूक को स्वीकार करें और कार्रवाई करें।' };
const REMINDER: Record<Language, (headline: string) => string> = {
  en: (h) => `Reminder, not yet acknowledged — ${h}`,
  hi: (h) => `अनुस्मारक, अभी तक स्वीकार नहीं किया गया — ${h}`,
};

/** A notice's line and ask, chosen by what it is about: a case by its number; anything else in its own words, never a key. */
export function noticeWords(n: NoticeFacts, language: Language): { headline: string; ask: string } {
  const subject = subjectOf(n);
  const reminder = n.kind === 'ESCALATION_REMINDER';
  if (subject.type === 'CASE' || n.kind === 'MATCH_ALERT') {
    const words = WORDS[messageKey(n.kind)][language];
    return { headline: words.headline(referenceOf(n)), ask: words.ask };
  }
  const escalation = reminder || ESCALATION_KINDS.has(n.kind);
  let headline: string;
  if (subject.type === 'BODY_DUTY') {
    const duty = DUTY_WORDS[subject.dutyId]?.[language] ?? ANY_DUTY[language];
    headline = `${n.bodyName ?? SOMEONE.BODY_DUTY[language]}: ${duty.missed(periodWords(subject.period, language))}`;
  } else if (subject.type === 'INSTITUTION_REGISTRATION') {
    const name = n.bodyName ?? SOMEONE.INSTITUTION_REGISTRATION[language];
    headline = language === 'hi' ? `${name}: जेजे अधिनियम की धारा 41 के अंतर्गत पंजीकरण समाप्त हो गया है, ${ESCALATED.hi}` : `${name}: its registration under the JJ Act (s.41) has lapsed and is ${ESCALATED.en}`;
  } else if (!escalation) {
    return { headline: NEWS[language], ask: NEWS_ASK[language] };
  } else {
    headline = `${NO_CASE[subject.type === 'MISSING_REPORT' || subject.type === 'INTERVENTION' ? subject.type : 'OTHER'][language]}, ${ESCALATED[language]}`;
  }
  return { headline: reminder ? REMINDER[language](headline) : headline, ask: ACT[language] };
}

const FOOTER: Record<Language, string> = {
  en: 'This message carries no child’s name or details, as the Juvenile Justice Act requires (s.74). Sign in to Raksha to read them.',
  hi: 'किशोर न्याय अधिनियम (धारा 74) के अनुसार इस संदेश में बच्चे का नाम या विवरण नहीं है। उन्हें पढ़ने के लिए रक्षा में साइन इन करें।',
};
const OPEN: Record<Language, string> = { en: 'Open in Raksha', hi: 'रक्षा में खोलें' };

/** An email about a notice: subject, plain text and HTML, in the reader's language. */
export function noticeEmail(n: NoticeFacts, language: Language, publicUrl: string): { subject: string; text: string; html: string } {
  const words = noticeWords(n, language);
  const headline = words.headline;
  const link = noticeLink(publicUrl, n.caseId);
  return {
    subject: `Raksha: ${headline}`,
    text: `${headline}.\n\n${words.ask}\n${link}\n\n${FOOTER[language]}\n`,
    html: emailHtml(language, `<p><strong>${escapeHtml(headline)}.</strong></p><p>${escapeHtml(words.ask)}</p><p><a href="${escapeHtml(link)}">${OPEN[language]}</a></p>`, FOOTER[language]),
  };
}

const ACCOUNT_WORDS: Record<'ACCOUNT_INVITATION' | 'PASSWORD_RESET', Record<Language, { subject: string; lead: string; action: string; otherwise: string }>> = {
  ACCOUNT_INVITATION: {
    en: {
      subject: 'Raksha: you are invited to work on Raksha',
      lead: 'An administrator has invited you to Raksha, the child protection case system. You will sign in with this email address.',
      action: 'Set your password',
      otherwise: 'The link works once and only for a limited time. If you did not expect this invitation, ignore this message.',
    },
    hi: {
      subject: 'रक्षा: आपको रक्षा पर काम करने के लिए आमंत्रित किया गया है',
      lead: 'एक प्रशासक ने आपको बाल संरक्षण केस प्रणाली रक्षा में आमंत्रित किया है। आप इसी ईमेल पते से साइन इन करेंगे।',
      action: 'अपना पासवर्ड बनाएँ',
      otherwise: 'यह लिंक केवल एक बार और सीमित समय तक काम करता है। यदि आपको इस निमंत्रण की अपेक्षा नहीं थी, तो इस संदेश को अनदेखा करें।',
    },
  },
  PASSWORD_RESET: {
    en: {
      subject: 'Raksha: reset your password',
      lead: 'Someone asked to reset the password of your Raksha account.',
      action: 'Choose a new password',
      otherwise: 'The link works once and only for a limited time. If it was not you, ignore this message: your password stays as it is.',
    },
    hi: {
      subject: 'रक्षा: अपना पासवर्ड बदलें',
      lead: 'किसी ने आपके रक्षा खाते का पासवर्ड बदलने का अनुरोध किया है।',
      action: 'नया पासवर्ड चुनें',
      otherwise: 'यह लिंक केवल एक बार और सीमित समय तक काम करता है। यदि यह आपने नहीं किया, तो इस संदेश को अनदेखा करें: आपका पासवर्ड वही रहेगा।',
    },
  },
};

/** An invitation's or a password reset's email: the one-time link, in the reader's language. */
export function accountEmail(kind: 'ACCOUNT_INVITATION' | 'PASSWORD_RESET', language: Language, link: string): { subject: string; text: string; html: string } {
  const w = ACCOUNT_WORDS[kind][language];
  return {
    subject: w.subject,
    text: `${w.lead}

${w.action}: ${link}

${w.otherwise}
`,
    html: emailHtml(language, `<p>${escapeHtml(w.lead)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(w.action)}</a></p>`, w.otherwise),
  };
}

/** The HTML frame every Raksha email shares. */
export function emailHtml(language: Language, content: string, footer: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>Raksha</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${content}<hr><p style="color:#555;font-size:smaller">${escapeHtml(footer)}</p></body></html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** SMS templates (DLT) for notices about no case, by subject (dlt-templates.json). */
export type SmsKey = keyof typeof WORDS | 'BODY_DUTY_MISSED' | 'REGISTRATION_LAPSED' | 'MISSING_REPORT_ESCALATED' | 'INTERVENTION_ESCALATED' | 'OBLIGATION_ESCALATED' | 'OBLIGATION_REMINDER' | 'NEWS';

/** DLT caps a variable at 30 characters: a longer name is cut, in GSM characters so the message stays GSM-7. */
function smsVar(v: string): string {
  return [...v].length > 30 ? `${[...v].slice(0, 27).join('').trimEnd()}...` : v;
}

/** What a reminder of an escalation about no case names: the body or home, or what the obligation was. */
const REMINDED: Record<'MISSING_REPORT' | 'INTERVENTION' | 'OTHER', Record<Language, string>> = {
  MISSING_REPORT: { en: 'a missing child report', hi: 'गुमशुदा बच्चे की रिपोर्ट' },
  INTERVENTION: { en: 'a helpline call', hi: 'हेल्पलाइन कॉल' },
  OTHER: { en: 'a missed duty', hi: 'चूका हुआ दायित्व' },
};

/** The template an SMS takes and its variables ({#var#}, in the reader's language) and link ({#url#}). */
export function smsVariables(n: NoticeFacts, publicUrl: string, language: Language = 'en'): { key: SmsKey; vars: string[]; url: string } {
  const url = noticeLink(publicUrl, n.caseId);
  const subject = subjectOf(n);
  if (subject.type === 'CASE' || n.kind === 'MATCH_ALERT') return { key: messageKey(n.kind), vars: [referenceOf(n)], url };
  const named = subject.type === 'BODY_DUTY' || subject.type === 'INSTITUTION_REGISTRATION' ? smsVar(n.bodyName ?? SOMEONE[subject.type][language]) : null;
  if (n.kind === 'ESCALATION_REMINDER') return { key: 'OBLIGATION_REMINDER', vars: [named ?? REMINDED[subject.type === 'MISSING_REPORT' || subject.type === 'INTERVENTION' ? subject.type : 'OTHER'][language]], url };
  if (!ESCALATION_KINDS.has(n.kind)) return { key: 'NEWS', vars: [], url };
  if (subject.type === 'BODY_DUTY') return { key: 'BODY_DUTY_MISSED', vars: [named!, smsVar(periodWords(subject.period, language)), smsVar((DUTY_WORDS[subject.dutyId]?.[language] ?? ANY_DUTY[language]).short)], url };
  if (subject.type === 'INSTITUTION_REGISTRATION') return { key: 'REGISTRATION_LAPSED', vars: [named!], url };
  if (subject.type === 'MISSING_REPORT') return { key: 'MISSING_REPORT_ESCALATED', vars: [], url };
  if (subject.type === 'INTERVENTION') return { key: 'INTERVENTION_ESCALATED', vars: [], url };
  return { key: 'OBLIGATION_ESCALATED', vars: [], url };
}

/** A helpline intervention as its webhooks carry it: the helpline's own call ids, so its system ties the news to its calls. */
export interface InterventionFacts {
  id: string;
  /** the intervention's status this step tells of (OPEN, REACHED, RESCUED, CLOSED): machine-readable, never localised */
  status: string;
  /** every call on the intervention when sent, first call first */
  calls: { helpline: string; callId: string }[];
}

/** What a partner system receives: the kind of event, where, the case's id, number and link; never the child's details. */
export function webhookPayload(n: NoticeFacts & { stateCode: string | null; districtCode: string | null; intervention?: InterventionFacts | null }, publicUrl: string, at: Date) {
  const caseNumber = n.caseId ? n.caseNumber : null;
  return {
    type: n.kind,
    timestamp: at.toISOString(),
    data: {
      notice: n.noticeKey,
      caseId: n.caseId,
      caseNumber,
      // the same number, under the name receivers written before case numbers read
      caseReference: caseNumber,
      stateCode: n.stateCode,
      districtCode: n.districtCode,
      link: noticeLink(publicUrl, n.caseId),
      ...(n.intervention && { intervention: n.intervention }),
    },
  };
}

/** What a daily digest reports: counts, and the cases of each by reference (never a name, JJ Act s.74). */
/** A case a digest lists: its id (for the link) and its number (what the reader reads). */
export interface DigestCase {
  id: string;
  number: string;
}

export interface DigestFacts {
  escalationsOpen: { count: number; cases: DigestCase[] };
  overdue: { count: number; cases: DigestCase[] };
  dueThisWeek: { count: number; cases: DigestCase[] };
}

export function digestIsEmpty(f: DigestFacts): boolean {
  return f.escalationsOpen.count + f.overdue.count + f.dueThisWeek.count === 0;
}

const DIGEST_WORDS: Record<Language, { subject(day: string): string; lead(day: string): string; escalationsOpen: string; overdue: string; dueThisWeek: string; cases(n: number): string; more(n: number): string; open: string }> = {
  en: {
    subject: (day) => `Raksha: your summary for ${day}`,
    lead: (day) => `What is waiting for you in Raksha on ${day}:`,
    escalationsOpen: 'Escalations not yet resolved',
    overdue: 'Cases past a deadline',
    dueThisWeek: 'Cases with a deadline in the next seven days',
    cases: (n) => (n === 1 ? 'case' : 'cases'),
    more: (n) => `and ${n} more`,
    open: 'Open Raksha',
  },
  hi: {
    subject: (day) => `रक्षा: ${day} का आपका सारांश`,
    lead: (day) => `${day} को रक्षा में आपके लिए यह बाकी है:`,
    escalationsOpen: 'चूकें जो अभी हल नहीं हुईं',
    overdue: 'केस जिनकी समय-सीमा निकल चुकी है',
    dueThisWeek: 'केस जिनकी समय-सीमा अगले सात दिनों में है',
    cases: () => 'केस',
    more: (n) => `और ${n} अन्य`,
    open: 'रक्षा खोलें',
  },
};

/** The day as a person reads it ("6 December", "6 दिसंबर"), in the deployment's time zone. */
export function digestDay(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-IN', { day: 'numeric', month: 'long', timeZone }).format(at);
}

/** A person's daily digest email: each count with its cases' references, each linked to the case; a link to Raksha. */
export function digestEmail(f: DigestFacts, language: Language, day: string, publicUrl: string): { subject: string; text: string; html: string } {
  const w = DIGEST_WORDS[language];
  const count = new Intl.NumberFormat(language === 'hi' ? 'hi-IN' : 'en-IN');
  const sections = (['escalationsOpen', 'overdue', 'dueThisWeek'] as const).filter((k) => f[k].count > 0);
  const more = (k: (typeof sections)[number]) => (f[k].count > f[k].cases.length && f[k].cases.length > 0 ? ` ${w.more(f[k].count - f[k].cases.length)}` : '');
  const home = webAppLink(publicUrl, '/');
  const text = sections.map((k) => `${w[k]}: ${count.format(f[k].count)}${f[k].cases.length ? ` — ${w.cases(f[k].cases.length)} ${f[k].cases.map((c) => c.number).join(', ')}${more(k)}` : ''}`);
  const html = sections.map((k) => {
    const refs = f[k].cases.map((c) => `<a href="${escapeHtml(noticeLink(publicUrl, c.id))}">${escapeHtml(c.number)}</a>`).join(', ');
    return `<li>${escapeHtml(w[k])}: <strong>${count.format(f[k].count)}</strong>${refs ? ` — ${escapeHtml(w.cases(f[k].cases.length))} ${refs}${escapeHtml(more(k))}` : ''}</li>`;
  });
  return {
    subject: w.subject(day),
    text: `${w.lead(day)}\n\n${text.join('\n')}\n\n${w.open}: ${home}\n\n${FOOTER[language]}\n`,
    html: emailHtml(language, `<p>${escapeHtml(w.lead(day))}</p><ul>${html.join('')}</ul><p><a href="${escapeHtml(home)}">${escapeHtml(w.open)}</a></p>`, FOOTER[language]),
  };
}
