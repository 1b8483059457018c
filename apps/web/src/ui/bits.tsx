import { useContext, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { fieldWords, type FieldIssue } from '@raksha/contracts';
import { ApiError } from '../lib/api.js';
import type { Problem } from '../lib/outbox.js';
import { LANG_NAMES, LANGS, formatDateTime, type Lang, type MessageKey } from '../lib/i18n.js';
import { AppContext, useApp, type AppContextValue, type Loaded, type usePages } from './context.js';

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { navigate } = useApp();
  return (
    <a
      href={`/app${to}`}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

type Say = AppContextValue['tx'];

/** Where a field's label may be found, in order: an event form's, the child's, an institution's, a report's. */
const LABEL_PREFIXES = ['field', 'child', 'inst', 'rep', 'register'];

/** A field's label in the reader's language (`child.ageYears` → "Age"), else its name in English words. */
export function fieldLabel(field: string, say: Say): string {
  if (field === '(body)') return say('error.theForm', 'The form');
  // A nested field with a label of its own (`term.until`), before the label of its last part.
  const whole = field.includes('.') ? say(`field.${field}`, '') : '';
  if (whole) return whole;
  const last = field.split('.').pop() ?? field;
  for (const prefix of LABEL_PREFIXES) {
    const label = say(`${prefix}.${last}`, '');
    if (label) return label;
  }
  return fieldWords(field);
}

/** One refused field as a sentence in the reader's language, from its key when the API or the form gave one. */
export function issueText(issue: FieldIssue, say: Say): string {
  const field = fieldLabel(issue.field, say);
  return issue.key ? say(issue.key, issue.message, { ...issue.params, field }) : `${field}: ${issue.message}`;
}

/** A problem's values for its message: a day (YYYY-MM-DD) as its noon in India, for ICU `{day, date, long}`. */
function problemParams(p: Problem): Record<string, string | number> | undefined {
  if (!p.params) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' && day.test(v) ? Date.parse(`${v}T12:00:00+05:30`) : v]));
}

/** The kind of refusal in the reader's language (`problem.<slug>`), else the API's own words. */
export function problemText(p: Problem, say?: Say): string {
  const slug = p.type?.replace(/^\/problems\//, '');
  return say && slug ? say(`problem.${slug}`, p.detail ?? p.title, problemParams(p)) : (p.detail ?? p.title);
}

/** Why a request failed, in the reader's language when `say` is given: the kind of refusal, then each field. */
export function errorText(error: unknown, say?: Say): string {
  if (error instanceof ApiError) {
    const p = error.problem;
    const head = problemText(p, say);
    const fields = p.errors?.map((e) => (say ? issueText(e, say) : e.message)).join(' ');
    return [head, fields].filter(Boolean).join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** errorText in the app's language. */
export function useErrorText(): (error: unknown) => string {
  const { tx } = useApp();
  return (error) => errorText(error, tx);
}

/** Loading, error (with retry) or the content. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t, tx } = useApp();
  if (loaded.error && loaded.data === undefined) {
    return (
      <div role="alert" className="notice error">
        <p>{t('common.error', { message: errorText(loaded.error, tx) })}</p>
        <button type="button" onClick={loaded.reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (loaded.data === undefined) return <p aria-live="polite">{t('common.loading')}</p>;
  return <>{children(loaded.data)}</>;
}

export function Due({ at, overdue }: { at: string | null; overdue?: boolean }) {
  const { t, lang } = useApp();
  if (!at) return <span className="muted">{t('common.noDeadline')}</span>;
  const late = overdue ?? Date.parse(at) < Date.now();
  return (
    <span className={late ? 'due overdue' : 'due'}>
      {late && <strong className="badge overdue-badge">{t('common.overdue')}</strong>} {t('common.due', { when: formatDateTime(lang, at) })}
    </span>
  );
}

/** The browser tab's title: "<the page's title> · <the app's name>", both in the reader's language. */
export function setDocumentTitle(page: string | undefined, appName: string | undefined) {
  const title = [page, appName].filter(Boolean).join(' · ');
  if (title && document.title !== title) document.title = title;
}

/** The page's heading, and the browser tab's title (setDocumentTitle) from its words. */
export function PageTitle({ children }: { children: ReactNode }) {
  const app = useContext(AppContext);
  const ref = useRef<HTMLHeadingElement>(null);
  const appName = app?.t('app.name');
  // after every render: the heading's words may come from data loaded later, or change with the language
  useEffect(() => setDocumentTitle(ref.current?.textContent?.replace(/\s+/g, ' ').trim(), appName));
  return (
    <h1 id="page-title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

/** "Load more" under a list read a page at a time (`usePages`), and why the next page failed if it did. */
export function LoadMore({ pages }: { pages: { hasMore: boolean; loadMore(): Promise<void>; moreError?: unknown } }) {
  const { t, tx } = useApp();
  return (
    <>
      {pages.hasMore && (
        <button type="button" onClick={() => void pages.loadMore()}>
          {t('common.more')}
        </button>
      )}
      {pages.moreError !== undefined && <p role="alert">{errorText(pages.moreError, tx)}</p>}
    </>
  );
}

/** A list read a page at a time (`usePages`): loading, the empty line, the items and "Load more". */
export function PagedList<T>({ pages, empty, label, children }: { pages: ReturnType<typeof usePages<T>>; empty: string; label?: string; children(item: T): ReactNode }) {
  return (
    <Show loaded={pages.first}>
      {(first) =>
        first.length === 0 ? (
          <p>{empty}</p>
        ) : (
          <>
            <ol className="list" aria-label={label}>
              {[...first, ...pages.rest].map(children)}
            </ol>
            <LoadMore pages={pages} />
          </>
        )
      }
    </Show>
  );
}

/** A field's label, marked when the field may be left empty. */
export function FieldLabel({ htmlFor, optional, children }: { htmlFor: string; optional: boolean; children: ReactNode }) {
  const { t } = useApp();
  return (
    <label htmlFor={htmlFor}>
      {children} {optional && <span className="muted">{t('common.optional')}</span>}
    </label>
  );
}

/** A definition list's rows, each a label and its value, leaving out those without a value. */
export function FactRows({ rows }: { rows: readonly (readonly [MessageKey, ReactNode])[] }) {
  const { t } = useApp();
  return (
    <>
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} className="dl-row">
            <dt>{t(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </>
  );
}

/** A table's column headings. */
export function ColumnHeads({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((h) => (
          <th key={h} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A select of codes, each shown by its label; `none`, when given, is the empty first choice. */
export function Choose<T extends string>(props: {
  id: string;
  value: string;
  options: readonly T[];
  label(option: T): string;
  none?: string;
  onChange(value: string): void;
  required?: boolean;
  /** marked as needing correction (`aria-invalid`) */
  invalid?: boolean;
  className?: string;
}) {
  const { id, value, options, label, none, onChange, required, invalid, className } = props;
  return (
    <select id={id} className={className} required={required} aria-invalid={invalid || undefined} value={value} onChange={(e) => onChange(e.target.value)}>
      {none !== undefined && <option value="">{none}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}

/** Buttons that choose one of a few values, the chosen one pressed: a list's filter. */
export function Tabs<T extends string | boolean>({ label, options, value, onChange, optionLabel }: { label: string; options: readonly T[]; value: NoInfer<T>; onChange(value: NoInfer<T>): void; optionLabel(option: NoInfer<T>): string }) {
  return (
    <div role="group" aria-label={label} className="tabs">
      {options.map((o) => (
        <button key={String(o)} type="button" aria-pressed={o === value} className={o === value ? 'active' : ''} onClick={() => onChange(o)}>
          {optionLabel(o)}
        </button>
      ))}
    </div>
  );
}

/**
 * When an error appears after the person acted (the focus inside its form, else its section), focus moves to the
 * form's first invalid control (`aria-invalid="true"`), else to the form's first error message. Several errors
 * appearing together all move it to the same place; an error shown on loading, the focus elsewhere, moves nothing.
 */
export function useFocusFirstError(ref: RefObject<HTMLElement | null>, error: unknown) {
  useEffect(() => {
    const shown = ref.current;
    if (!error || !shown) return;
    const scope = shown.closest('form') ?? shown.closest('section') ?? shown.parentElement;
    const active = document.activeElement;
    if (!scope || !active || active === document.body || !scope.contains(active)) return;
    const target = scope.querySelector<HTMLElement>('[aria-invalid="true"]') ?? scope.querySelector<HTMLElement>('[data-form-error]') ?? shown;
    if (target !== active) target.focus();
  }, [ref, error]);
}

/** Why a form or an action failed, read out when it appears; the focus moves to what needs correcting. */
export function FieldError({ error, children }: { error: string | undefined; children?: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useFocusFirstError(ref, error);
  if (!error) return null;
  const common = { role: 'alert', className: 'field-error', tabIndex: -1, 'data-form-error': '' } as const;
  return children ? (
    <div {...common} ref={ref as RefObject<HTMLDivElement>}>
      <p>{error}</p>
      {children}
    </div>
  ) : (
    <p {...common} ref={ref as RefObject<HTMLParagraphElement>}>
      {error}
    </p>
  );
}

/**
 * Asks before what cannot be undone: in place of sending at once, a panel says in plain words what will happen,
 * with "Yes, …" to go on and "Go back", which returns the focus to the button that asked (`returnTo`).
 */
export function ConfirmStep(props: { id: string; title: string; text: string; yes: string; busy?: boolean; onYes(): void; onBack(): void; returnTo: RefObject<HTMLElement | null> }) {
  const { id, title, text, yes, busy, onYes, onBack, returnTo } = props;
  const app = useContext(AppContext);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} role="alertdialog" aria-labelledby={`${id}-h`} aria-describedby={`${id}-d`} tabIndex={-1} className="notice confirm-step" data-testid="confirm-step">
      <p id={`${id}-h`}>
        <strong>{title}</strong>
      </p>
      <p id={`${id}-d`}>{text}</p>
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button
          type="button"
          onClick={() => {
            onBack();
            // the panel is gone once React has drawn the change: the button that asked takes the focus again
            setTimeout(() => returnTo.current?.focus(), 0);
          }}
        >
          {app?.t('common.goBack') ?? 'Go back'}
        </button>
      </div>
    </div>
  );
}

/** Sending a form: busy while it runs, and the error it ended with, in words (`describe`; by default errorText in the app's language). */
export function useSubmit(describe?: (error: unknown) => string) {
  const app = useContext(AppContext);
  const say = describe ?? ((e: unknown) => errorText(e, app?.tx));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function run(send: () => Promise<unknown>) {
    setError(undefined);
    setBusy(true);
    try {
      await send();
    } catch (err) {
      setError(say(err));
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
}

/** The app's mark and name. */
export function Brand({ name }: { name: string }) {
  return (
    <>
      <span className="logo" aria-hidden="true">
        ◈
      </span>{' '}
      {name}
    </>
  );
}

/** Chooses the app's language, each named in itself. */
export function LangSwitch({ lang, setLang, t }: { lang: Lang; setLang(lang: Lang): void; t: AppContextValue['t'] }) {
  return (
    <select className="lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANG_NAMES[l]}
        </option>
      ))}
    </select>
  );
}

/** A mark no catalogue holds: where a message puts the words a person wrote. */
const OWN_WORDS_MARK = '\u2063';

/**
 * A message quoting what a person wrote (a note, a reason), in the message's own word order: their words shown as
 * written, in whatever language they wrote them, and marked as theirs (`lang=""`: not the page's language), so neither
 * a screen reader nor the plain-words check takes them for the app's.
 */
export function WithOwnWords({ message, words }: { message: (words: string) => string; words: string }) {
  const [before = '', after = ''] = message(OWN_WORDS_MARK).split(OWN_WORDS_MARK);
  return (
    <>
      {before}
      <span className="own-words" data-own-words="" lang="">
        {words}
      </span>
      {after}
    </>
  );
}
