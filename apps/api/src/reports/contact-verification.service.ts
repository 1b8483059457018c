import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfirmContactVerificationBody, ContactVerificationRequested, ContactVerified, RequestContactVerificationBody } from '@raksha/contracts';
import { ContactVerificationRepository } from '@raksha/db';
import type { Principal } from '../auth/principal.js';
import { contactChannelUnavailable, invalidField, problem, tooManyRequests } from '../problem/domain-errors.js';
import { CONTACT_CODE_SENDER } from './reports.tokens.js';

/** Delivers a one-time code; an SMS or email gateway implements it in a deployment. */
export interface ContactCodeSender {
  /** Whether this sender can reach a contact of this kind. */
  accepts(channel: 'PHONE' | 'EMAIL'): boolean;
  send(to: { userId: string; channel: 'PHONE' | 'EMAIL'; address: string }, code: string): Promise<void>;
}

const CODE_TTL_MS = 10 * 60_000;
const CODES_PER_HOUR = 3;
const ATTEMPTS_PER_CODE = 5;
const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * A person proves a phone number or email address with a six-digit code: a citizen before filing reports, an official
 * before notices reach them by email or SMS (docs/notifications.md).
 */
@Injectable()
export class ContactVerificationService {
  constructor(
    private readonly verifications: ContactVerificationRepository,
    @Inject(CONTACT_CODE_SENDER) private readonly sender: ContactCodeSender,
  ) {}

  async request(principal: Principal, body: RequestContactVerificationBody): Promise<ContactVerificationRequested> {
    const address = normalise(body.channel, body.address);
    if (!this.sender.accepts(body.channel)) throw contactChannelUnavailable(body.channel);
    const now = new Date();
    if ((await this.verifications.countSince(principal.userId, new Date(now.getTime() - 3_600_000))) >= CODES_PER_HOUR) {
      throw tooManyRequests(3600);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await this.verifications.create({ id: randomUUID(), userId: principal.userId, channel: body.channel, address, codeHash: hash(code), expiresAt, createdAt: now });
    await this.sender.send({ userId: principal.userId, channel: body.channel, address }, code);
    return { channel: body.channel, address, expiresAt: expiresAt.toISOString() };
  }

  async confirm(principal: Principal, body: ConfirmContactVerificationBody): Promise<ContactVerified> {
    const now = new Date();
    const pending = await this.verifications.latestPending(principal.userId, now);
    if (!pending) throw problem('verification-failed', 'no code is waiting: request one first');
    if (pending.attempts >= ATTEMPTS_PER_CODE) throw problem('verification-failed', 'too many wrong codes: request a new one');
    if (pending.codeHash !== hash(body.code)) {
      await this.verifications.recordAttempt(pending.id);
      throw problem('verification-failed', 'the code is wrong');
    }
    await this.verifications.markVerified(pending.id, now);
    return { channel: pending.channel as ContactVerified['channel'], address: pending.address, verifiedAt: now.toISOString() };
  }
}

function normalise(channel: 'PHONE' | 'EMAIL', address: string): string {
  if (channel === 'PHONE') {
    const digits = address.replace(/[\s-]/g, '');
    if (!/^\+?[0-9]{10,13}$/.test(digits)) throw invalidField('address', 'a phone number of 10–13 digits');
    return digits;
  }
  const email = address.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalidField('address', 'an email address');
  return email;
}
