// The API client: bearer token on every call, refreshed before it expires and once on a 401.
import type { KeyValueStore } from './i18n.js';
import type { Problem } from './outbox.js';
import { takeEarlyRead } from './early-read.js';
import type { LoginResponse, RecoveryCodesView, SignedInUser, TokenResponse, TotpEnrolmentView } from '@raksha/contracts';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch ms when the access token stops working */
  expiresAt: number;
  user: SignedInUser;
  /** the session may only set up the second sign-in step until that is done */
  enrolmentOnly: boolean;
}

/** The second sign-in step: a code from the authenticator app, or one recovery code. */
export type SecondStepAnswer = { code: string } | { recoveryCode: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }
}

export interface RawResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

const SESSION_KEY = 'raksha.session';
/** Whether this tab kept a session (the app opens signed in), read before the app starts. */
export const hasKeptSession = (store: KeyValueStore) => store.getItem(SESSION_KEY) !== null;
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export class Api {
  private refreshing: Promise<boolean> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  session: Session | null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly onSession: (session: Session | null) => void,
    private readonly base = '',
  ) {
    this.session = this.load();
    this.schedule();
  }

  /** The password step: a session, or (with the second step set up) the challenge to answer with a code. */
  async login(username: string, password: string): Promise<Session | { challenge: string }> {
    const res = await this.send('POST', '/auth/login', { username, password }, {}, false);
    if (res.status !== 200) throw new ApiError(res.status, problemOf(res));
    const answer = res.body as LoginResponse;
    return 'challenge' in answer ? { challenge: answer.challenge } : this.accept(answer);
  }

  /** The second sign-in step: the password step's challenge and a code. */
  async secondStep(challenge: string, answer: SecondStepAnswer): Promise<Session> {
    const res = await this.send('POST', '/auth/mfa', { challenge, ...answer }, {}, false);
    if (res.status !== 200) throw new ApiError(res.status, problemOf(res));
    return this.accept(res.body as TokenResponse);
  }

  /** Starts (or shows again) setting up the authenticator app. */
  startEnrolment(): Promise<TotpEnrolmentView> {
    return this.post<TotpEnrolmentView>('/me/mfa/totp', undefined);
  }

  /** Confirms it with the app's first code; the recovery codes, shown once. The session is then a full one. */
  async confirmEnrolment(code: string): Promise<string[]> {
    const { recoveryCodes } = await this.post<RecoveryCodesView>('/me/mfa/totp/confirm', { code });
    return recoveryCodes;
  }

  /** After the recovery codes were shown: the session works as any other. */
  enrolled(): void {
    if (this.session) this.set({ ...this.session, enrolmentOnly: false, user: { ...this.session.user, secondStep: { ...this.session.user.secondStep, enrolled: true } } });
  }

  /** A request needing no sign-in (setting a password from a link, asking for a reset link): its raw answer. */
  publicPost(path: string, body: unknown): Promise<RawResponse> {
    return this.send('POST', path, body, {}, false);
  }

  async logout(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    this.set(null);
    if (refreshToken) await this.send('POST', '/auth/logout', { refreshToken }, {}, false).catch(() => undefined);
  }

  /** A new token pair; concurrent callers share one refresh (the old refresh token works once). */
  refresh(): Promise<boolean> {
    const refreshToken = this.session?.refreshToken;
    if (!refreshToken) return Promise.resolve(false);
    this.refreshing ??= (async () => {
      try {
        const res = await this.send('POST', '/auth/refresh', { refreshToken }, {}, false);
        if (res.status === 200) {
          this.accept(res.body as TokenResponse);
          return true;
        }
        if (res.status === 401) this.set(null);
        return false;
      } catch {
        return false; // offline: keep the session, try again later
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** The answer as it came (no throw on 4xx/5xx); a network failure throws. */
  async raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
    if (this.session && Date.now() > this.session.expiresAt - 5_000) await this.refresh();
    let res = await this.send(method, path, body, headers, true);
    if (res.status === 401 && this.session && (await this.refresh())) res = await this.send(method, path, body, headers, true);
    return res;
  }

  async get<T>(path: string): Promise<T> {
    // a read public/early-read.js started before the app's chunks had loaded (early-read.ts); anything but a success is read again
    const early = await takeEarlyRead(`${this.base}${path}`);
    if (early && early.status >= 200 && early.status < 300) return early.body as T;
    return this.ok<T>(await this.raw('GET', path));
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.ok<T>(await this.raw('POST', path, body, headers));
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return this.ok<T>(await this.raw('PATCH', path, body));
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    return this.ok<T>(await this.raw('PUT', path, body));
  }

  /** A multipart upload (a report's file and its fields); a problem is thrown as ApiError. */
  async upload<T>(path: string, form: FormData): Promise<T> {
    if (this.session && Date.now() > this.session.expiresAt - 5_000) await this.refresh();
    const send = () =>
      fetch(`${this.base}${path}`, {
        method: 'POST',
        headers: { accept: 'application/json, application/problem+json', ...(this.session && { authorization: `Bearer ${this.session.accessToken}` }) },
        body: form,
      });
    let res = await send();
    if (res.status === 401 && this.session && (await this.refresh())) res = await send();
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = { title: text };
    }
    return this.ok<T>({ status: res.status, body, headers: res.headers });
  }

  /** A binary answer (a report's photo) as a Blob; null when there is none. */
  async blob(path: string): Promise<Blob | null> {
    try {
      return (await this.file(path)).blob;
    } catch (err) {
      if (err instanceof ApiError) return null;
      throw err;
    }
  }

  /** A file the API sends as an attachment (a CSV export), with the name it gives; a problem is thrown as ApiError. */
  async file(path: string): Promise<{ blob: Blob; filename: string | null }> {
    if (this.session && Date.now() > this.session.expiresAt - 5_000) await this.refresh();
    const res = await fetch(`${this.base}${path}`, { headers: this.session ? { authorization: `Bearer ${this.session.accessToken}` } : {} });
    if (!res.ok) {
      const text = await res.text();
      let problem: Problem;
      try {
        problem = JSON.parse(text) as Problem;
      } catch {
        problem = { title: text || res.statusText } as Problem;
      }
      throw new ApiError(res.status, problem);
    }
    const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null;
    return { blob: await res.blob(), filename };
  }

  private ok<T>(res: RawResponse): T {
    if (res.status >= 200 && res.status < 300) return res.body as T;
    throw new ApiError(res.status, problemOf(res));
  }

  private async send(method: string, path: string, body: unknown, headers: Record<string, string>, auth: boolean): Promise<RawResponse> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(auth && this.session && { authorization: `Bearer ${this.session.accessToken}` }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { title: text };
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  private accept(tokens: TokenResponse): Session {
    const session: Session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      user: tokens.user,
      enrolmentOnly: tokens.enrolmentOnly,
    };
    this.set(session);
    return session;
  }

  private set(session: Session | null): void {
    this.session = session;
    if (session) this.store.setItem(SESSION_KEY, JSON.stringify(session));
    else this.store.removeItem(SESSION_KEY);
    this.schedule();
    this.onSession(session);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.session) return;
    const wait = Math.max(this.session.expiresAt - Date.now() - REFRESH_MARGIN_MS, 1_000);
    this.timer = setTimeout(() => void this.refresh(), wait);
  }

  private load(): Session | null {
    try {
      const raw = this.store.getItem(SESSION_KEY);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      return null;
    }
  }
}

export function problemOf(res: { status: number; body: unknown }): Problem {
  const p = (res.body ?? {}) as Partial<Problem>;
  return {
    status: res.status,
    ...(typeof p.type === 'string' && { type: p.type }),
    title: typeof p.title === 'string' ? p.title : `HTTP ${res.status}`,
    ...(typeof p.detail === 'string' && { detail: p.detail }),
    ...(Array.isArray(p.allowedEvents) && { allowedEvents: p.allowedEvents }),
    ...(Array.isArray(p.errors) && { errors: p.errors }),
    ...(p.params && typeof p.params === 'object' && { params: p.params }),
  };
}
