// What an SMS, email or webhook says about a notice. Never the notice's own subject or body, which may name the
// child: only the kind of news, a case reference and a link (JJ Act s.74 bars disclosing a child's identity in
// any media; an SMS or an email's subject and preview are read on lock screens and shared phones).
import { webAppLink } from '@raksha/contracts';
import { ESCALATION_NOTICE_KINDS } from '@raksha/domain';
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

/** Which wording (and which DLT template) a kind of notice takes. */
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
}

/** The case's number; for a notice about no case (a match of two reports, a helpline call), the id its key names. */
function referenceOf(n: NoticeFacts): string {
  if (n.caseNumber) return n.caseNumber;
  const id = n.caseId ?? /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(n.noticeKey)?.[0];
  return id ? shortReference(id) : n.noticeKey.slice(-8).toUpperCase();
}

const FOOTER: Record<Language, string> = {
  en: 'This message carries no child’s name or details, as the Juvenile Justice Act requires (s.74). Sign in to Raksha to read them.',
  hi: 'किशोर न्याय अधिनियम (धारा 74) के अनुसार इस संदेश में बच्चे का नाम या विवरण नहीं है। उन्हें पढ़ने के लिए रक्षा में साइन इन करें।',
};
const OPEN: Record<Language, string> = { en: 'Open in Raksha', hi: 'रक्षा में खोलें' };

/** An email about a notice: subject, plain text and HTML, in the reader's language. */
export function noticeEmail(n: NoticeFacts, language: Language, publicUrl: string): { subject: string; text: string; html: string } {
  const words = WORDS[messageKey(n.kind)][language];
  const headline = words.headline(referenceOf(n));
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

/** The variables an SMS template is filled with: the reference ({#var#}) and the link ({#url#}). */
export function smsVariables(n: NoticeFacts, publicUrl: string): { key: keyof typeof WORDS; vars: string[]; url: string } {
  return { key: messageKey(n.kind), vars: [referenceOf(n)], url: noticeLink(publicUrl, n.caseId) };
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
