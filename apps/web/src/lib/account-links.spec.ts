import { describe, expect, it } from '@jest/globals';
import { accountPageOf } from './account-links.js';

const token = 'A'.repeat(40) + '_-9';

describe('accountPageOf', () => {
  it('opens the set-password page for the links the API sends, knowing which kind each is', () => {
    expect(accountPageOf(`#accept-invitation=${token}`)).toEqual({ page: 'set-password', purpose: 'INVITATION', token });
    expect(accountPageOf(`#reset-password=${token}`)).toEqual({ page: 'set-password', purpose: 'PASSWORD_RESET', token });
  });

  it('opens the reset request, and nothing for any other fragment or a token cut short', () => {
    expect(accountPageOf('#forgot-password')).toEqual({ page: 'forgot-password' });
    expect(accountPageOf('')).toBeNull();
    expect(accountPageOf(`#accept-invitation=${token.slice(1)}`)).toBeNull();
    expect(accountPageOf(`#sign-in=${token}`)).toBeNull();
  });
});
