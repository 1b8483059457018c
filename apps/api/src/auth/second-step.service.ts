import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { RecoveryCodesView, TotpEnrolmentView } from '@raksha/contracts';
import { SecondStepRepository, type Sealer } from '@raksha/db';
import { secondStepExists, secondStepFailed } from '../problem/domain-errors.js';
import { auditedAction, userChain, type Principal } from './principal.js';

/** The Sealer that keeps TOTP secrets at rest: the data key eFile's medical entries are sealed with. */
export const TOTP_SEALER = Symbol('TOTP_SEALER');

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'Raksha';
/** How many recovery codes a person gets, each usable once. */
export const RECOVERY_CODE_COUNT = 10;
/** A code from the step before or after the server's is accepted too: a phone's clock may be 30 s off. */
const CLOCK_TOLERANCE_SECONDS = 30;
const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export type CodeCheck = { ok: true } | { ok: false; reason: 'wrong' | 'used' };

const boundTo = (userId: string) => `totp:${userId}`;

/** A recovery code as typed (any case, with or without the dash) in the one form its hash is taken of. */
export function recoveryCodeHash(userId: string, code: string): string {
  const plain = code.trim().toLowerCase().replace(/-/g, '');
  return createHash('sha256').update(`${userId}:${plain}`).digest('hex');
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * The second sign-in step: a TOTP secret (RFC 6238, 6 digits every 30 s) generated here, sealed at rest, confirmed
 * with a first code; recovery codes for a lost phone. A code is accepted once (its time step is remembered).
 */
@Injectable()
export class SecondStepService {
  constructor(
    private readonly records: SecondStepRepository,
    @Inject(TOTP_SEALER) private readonly sealer: Sealer,
  ) {}

  /**
   * Starts (or shows again) enrolment: the secret as an otpauth URI, a QR code of it and the text to type. A page
   * reloaded before confirming shows the same secret, so a code already scanned still works.
   */
  async startEnrolment(principal: Principal): Promise<TotpEnrolmentView> {
    const current = await this.records.totpOf(principal.userId);
    if (current?.enabledAt) throw secondStepExists();
    // Two starts at once (a page opened twice) store one secret between them, and both show it.
    const pending = current?.sealedSecret ?? (await this.records.startEnrolment(principal.userId, this.sealer.seal(generateSecret(), boundTo(principal.userId))));
    if (!pending) throw secondStepExists();
    const secret = this.sealer.open(pending, boundTo(principal.userId)) as string;
    const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: principal.username, secret });
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { otpauthUri, secret, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  }

  /** Confirms enrolment with the app's first code; answers the recovery codes, this once. The session counts as past the second step. */
  async confirmEnrolment(principal: Principal, code: string): Promise<RecoveryCodesView> {
    const current = await this.records.totpOf(principal.userId);
    if (current?.enabledAt) throw secondStepExists();
    if (!current?.sealedSecret) throw secondStepFailed('code', 'start setting up the authenticator app first');
    const secret = this.sealer.open(current.sealedSecret, boundTo(principal.userId)) as string;
    const timeStep = await this.matchingStep(secret, code);
    if (timeStep === undefined) throw secondStepFailed('code', 'this is not the code your authenticator app shows now; check the phone’s time and try the next code');
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const at = new Date();
    const confirmed = await this.records.confirmEnrolment(
      principal.userId,
      current.sealedSecret,
      timeStep,
      recoveryCodes.map((c) => recoveryCodeHash(principal.userId, c)),
      principal.sessionId,
      { chain: userChain(principal.userId), subjectType: 'user', subjectId: principal.userId, ...auditedAction(principal, 'auth.second_step_enrolled', { method: 'TOTP', sessionId: principal.sessionId }, at), at },
    );
    if (!confirmed) throw secondStepExists();
    return { recoveryCodes };
  }

  /** Whether `code` is the current code of the person's confirmed secret (as sign-in read it), not used before; an accepted code's step is used up. */
  async checkCode(userId: string, sealedSecret: string, code: string): Promise<CodeCheck> {
    const secret = this.sealer.open(sealedSecret, boundTo(userId)) as string;
    const timeStep = await this.matchingStep(secret, code);
    if (timeStep === undefined) return { ok: false, reason: 'wrong' };
    return (await this.records.useTimeStep(userId, timeStep)) ? { ok: true } : { ok: false, reason: 'used' };
  }

  /** The RFC 6238 time step whose code `code` is (this one, the one before or the one after), if any. */
  private async matchingStep(secret: string, code: string): Promise<number | undefined> {
    const result = await verify({ secret, token: code.replace(/\s/g, ''), epochTolerance: CLOCK_TOLERANCE_SECONDS });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  }

  /** Uses up one recovery code: how many are left, or null when it is not an unused one of theirs. */
  useRecoveryCode(userId: string, code: string, at: Date): Promise<number | null> {
    return this.records.useRecoveryCode(userId, recoveryCodeHash(userId, code), at);
  }
}
