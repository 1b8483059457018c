/** The languages a person's email, SMS and digest come in. */
export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

export function languageOf(v: string | null | undefined): Language {
  return v === 'hi' ? 'hi' : 'en';
}
