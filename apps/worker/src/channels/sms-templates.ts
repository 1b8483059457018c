// The DLT template registry (TRAI's Telecom Commercial Communications Customer Preference Regulations 2018): an SMS
// goes out only as a registered template filled with its variables, under the registered header and entity id.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Language } from './language.js';

const registrySchema = z.object({
  templates: z
    .array(
      z.object({
        key: z.string().min(1),
        dltTemplateId: z.string().regex(/^\d{19}$/, 'a 19-digit DLT template id'),
        text: z.object({ en: z.string().min(1), hi: z.string().min(1) }),
      }),
    )
    .min(1),
});
export type DltRegistry = z.infer<typeof registrySchema>;

/** Reads and checks the registry (the repository's dlt-templates.json unless a deployment names its own). */
export function loadDltRegistry(file = new URL('./dlt-templates.json', import.meta.url)): DltRegistry {
  const parsed = registrySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`DLT template registry ${String(file)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** DLT caps each {#var#} at 30 characters. */
const MAX_VAR = 30;
/** Longer messages cost more and split badly on old handsets; a notice is a pointer to Raksha, not the content. */
export const MAX_SMS_PARTS = 3;

// GSM 03.38 basic character set; the extension table's characters count twice.
const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

/** How an SMS text is encoded and how many parts it takes: GSM-7 160 (153 a part when split), else UCS-2 70 (67). */
export function smsLength(text: string): { unicode: boolean; units: number; parts: number } {
  let septets = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      const units = [...text].reduce((n, c) => n + (c.codePointAt(0)! > 0xffff ? 2 : 1), 0);
      return { unicode: true, units, parts: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { unicode: false, units: septets, parts: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

export interface FilledSms {
  dltTemplateId: string;
  text: string;
  unicode: boolean;
  parts: number;
}

export class SmsTemplateError extends Error {}

/** Fills a registered template; refuses a template not registered, a variable too long, or a message too long. */
export function fillSms(registry: DltRegistry, key: string, language: Language, vars: readonly string[], url: string): FilledSms {
  const template = registry.templates.find((t) => t.key === key);
  if (!template) throw new SmsTemplateError(`no DLT template registered for ${key}`);
  let i = 0;
  const text = template.text[language]
    .replace(/\{#var#\}/g, () => {
      const v = vars[i++];
      if (v === undefined) throw new SmsTemplateError(`template ${key} needs more variables than given`);
      if ([...v].length > MAX_VAR) throw new SmsTemplateError(`a variable of template ${key} is longer than ${MAX_VAR} characters`);
      return v;
    })
    .replace(/\{#url#\}/g, url);
  const { unicode, parts } = smsLength(text);
  if (parts > MAX_SMS_PARTS) throw new SmsTemplateError(`template ${key} (${language}) fills to ${parts} SMS parts, more than ${MAX_SMS_PARTS}`);
  return { dltTemplateId: template.dltTemplateId, text, unicode, parts };
}
