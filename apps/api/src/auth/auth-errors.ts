import { DomainError } from '../problem/domain-errors.js';

/** One answer for an unknown username, a wrong password and a disabled account: no user enumeration. */
export class InvalidCredentials extends DomainError {
  readonly status = 401;
  readonly slug = 'invalid-credentials';
  readonly title = 'Sign-in failed';
  constructor() {
    super('wrong username or password');
  }
}

/** Too many consecutive wrong passwords: no sign-in, even with the right one, until `lockedUntil`. */
export class AccountLocked extends DomainError {
  readonly status = 423;
  readonly slug = 'account-locked';
  readonly title = 'The account is locked after too many failed sign-ins';
  constructor(readonly lockedUntil: Date) {
    super(`account locked until ${lockedUntil.toISOString()}`);
  }
  override extensions() {
    return { lockedUntil: this.lockedUntil.toISOString() };
  }
}
