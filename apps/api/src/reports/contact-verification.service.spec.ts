import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ContactVerificationRepository } from '@raksha/db';
import { people, problemOf } from '@raksha/api/test/fakes';
import { ContactVerificationService, type ContactCodeSender } from './contact-verification.service.js';

type Pending = { id: string; userId: string; channel: string; address: string; codeHash: string; attempts: number; verifiedAt?: Date };

describe(ContactVerificationService.name, () => {
  let sut: ContactVerificationService;
  let codes: Pending[];
  let sent: { address: string; code: string }[];
  let smsGateway: boolean;

  beforeEach(() => {
    codes = [];
    sent = [];
    smsGateway = true;
    const verifications = {
      countSince: async () => codes.length,
      create: async (c: Omit<Pending, 'attempts'>) => void codes.push({ ...c, attempts: 0 }),
      latestPending: async () => codes.filter((c) => !c.verifiedAt).at(-1) ?? null,
      recordAttempt: async (id: string) => void (codes.find((c) => c.id === id)!.attempts += 1),
      markVerified: async (id: string, at: Date) => void (codes.find((c) => c.id === id)!.verifiedAt = at),
    } as unknown as ContactVerificationRepository;
    const sender: ContactCodeSender = { accepts: (channel) => channel === 'EMAIL' || smsGateway, send: async (to, code) => void sent.push({ address: to.address, code }) };
    sut = new ContactVerificationService(verifications, sender);
  });

  it('sends a citizen a six-digit code and verifies the phone number with it', async () => {
    await sut.request(people.citizen, { channel: 'PHONE', address: '98000 00000' });
    expect(sent).toEqual([{ address: '9800000000', code: expect.stringMatching(/^[0-9]{6}$/) }]);
    await expect(sut.confirm(people.citizen, { code: sent[0]!.code })).resolves.toMatchObject({ channel: 'PHONE', address: '9800000000' });
  });

  it('refuses a wrong code, and after five wrong tries asks for a new one even with the right code', async () => {
    await sut.request(people.citizen, { channel: 'EMAIL', address: 'Asha@Example.org' });
    const wrong = sent[0]!.code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(await problemOf(sut.confirm(people.citizen, { code: wrong }))).toMatchObject({ type: 'verification-failed', status: 422, detail: 'the code is wrong' });
    expect(await problemOf(sut.confirm(people.citizen, { code: sent[0]!.code }))).toMatchObject({ title: 'The code is wrong or has expired', detail: 'too many wrong codes: request a new one' });
  });

  it('sends at most three codes an hour, and says when to retry', async () => {
    for (let i = 0; i < 3; i++) await sut.request(people.citizen, { channel: 'EMAIL', address: 'asha@example.org' });
    expect(await problemOf(sut.request(people.citizen, { channel: 'EMAIL', address: 'asha@example.org' }))).toMatchObject({ type: 'too-many-requests', status: 429, retryAfter: 3600 });
  });

  it('says which other contact to verify when no SMS gateway is configured', async () => {
    smsGateway = false;
    expect(await problemOf(sut.request(people.citizen, { channel: 'PHONE', address: '9800000000' }))).toEqual({
      type: 'contact-channel-unavailable',
      status: 422,
      title: 'This kind of contact cannot be verified here',
      detail: 'no SMS gateway is configured to send the code; verify an email address instead',
      channel: 'PHONE',
    });
  });

  it('verifies an official\'s email too, so notices can reach them by email (docs/notifications.md)', async () => {
    await sut.request(people.cwcJaipur, { channel: 'EMAIL', address: 'CWC@Example.org' });
    expect(sent).toEqual([{ address: 'cwc@example.org', code: expect.stringMatching(/^[0-9]{6}$/) }]);
    await expect(sut.confirm(people.cwcJaipur, { code: sent[0]!.code })).resolves.toMatchObject({ channel: 'EMAIL', address: 'cwc@example.org' });
  });
});
