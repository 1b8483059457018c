import { describe, expect, it } from '@jest/globals';
import { dependencyOutage } from './outage.js';

const withCode = (message: string, code: string | number, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });
const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('dependencyOutage', () => {
  it.each([
    ['PostgreSQL shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01'), 'the database'],
    ['PostgreSQL starting up (57P03)', withCode('the database system is starting up', '57P03'), 'the database'],
    ['Prisma: database not reachable', withCode('Can’t reach database server', 'P1001'), 'the database'],
    ['a driver-adapter error whose cause is a refused connection', Object.assign(new Error('adapter'), { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') }), 'a service the request needs'],
    ['Prisma: a transaction that could not start in time on a busy database', withCode('Transaction API error: Unable to start a transaction in the given time.', 'P2028'), 'the database'],
    ['pg losing its connection', new Error('Connection terminated unexpectedly'), 'the database'],
    ['ioredis giving up on a command', named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'), 'the message queue'],
    ['ioredis with its connection closed', new Error('Connection is closed.'), 'the message queue'],
    ['the Temporal client failing to reach its server', named('ServiceError', '14 UNAVAILABLE: No connection established'), 'the case workflow service'],
  ])('%s is an outage of %s', (_what, error, down) => {
    expect(dependencyOutage(error)).toBe(down);
  });

  it('leaves every other error alone: a bug stays a 500', () => {
    expect(dependencyOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(dependencyOutage(withCode('duplicate key value violates unique constraint', '23505'))).toBeUndefined();
    expect(dependencyOutage(withCode('Unique constraint failed', 'P2002'))).toBeUndefined();
    expect(dependencyOutage('a string')).toBeUndefined();
  });
});
