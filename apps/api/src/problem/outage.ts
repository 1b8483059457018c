// A dependency that is down (PostgreSQL restarting, Redis gone, Temporal unreachable) is an outage the client can wait
// out, not a fault of its request nor of the API: ProblemDetailsFilter answers it 503 with Retry-After.

/** Node's socket errors: the peer is not listening, went away mid-request, or did not answer. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** PostgreSQL's SQLSTATEs of a server that cannot take the query now: class 08 (connection), shutdown and start-up, no connection slots. */
const POSTGRES_CODES = /^(08...|57P01|57P02|57P03|53300)$/;
/**
 * Prisma's: database not reachable, timed out, closed the connection; connection pool exhausted; a transaction that
 * could not start (or finish) in its time because the database is too busy (P2028, seen under load).
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** Driver-adapter error kinds (Prisma 7) of an unreachable database. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
/** gRPC statuses of a Temporal server that cannot be reached or did not answer in time: UNAVAILABLE, DEADLINE_EXCEEDED. */
const GRPC_UNAVAILABLE = new Set([14, 4]);
/** PostgreSQL's (pg) words for a connection it lost or a server not taking queries now. */
const DATABASE_MESSAGES = /Connection terminated|Client has encountered a connection error|terminating connection due to|the database system is (starting up|shutting down|in recovery mode)/i;
/** ioredis's words for a Redis it cannot reach. */
const REDIS_MESSAGES = /^Connection is closed|Stream isn't writeable|max retries per request/i;

/** What is down, in the words a client is shown: the service an error says is unreachable; undefined for any other error. */
export function dependencyOutage(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let e = error as Record<string, unknown> | undefined; e && typeof e === 'object' && !seen.has(e); e = e.cause as Record<string, unknown> | undefined) {
    seen.add(e);
    const name = String(e.name ?? '');
    const code = e.code;
    const message = typeof e.message === 'string' ? e.message : '';
    if (name === 'ServiceError' || name === 'TransportError' || (typeof code === 'number' && GRPC_UNAVAILABLE.has(code) && 'details' in e)) return 'the case workflow service';
    if (name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.test(message)) return 'the message queue';
    if (name === 'PrismaClientInitializationError' || (typeof code === 'string' && (PRISMA_CODES.has(code) || POSTGRES_CODES.test(code)))) return 'the database';
    if ((typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) || DATABASE_MESSAGES.test(message)) return 'the database';
    if (typeof code === 'string' && SOCKET_CODES.has(code)) return 'a service the request needs';
  }
  return undefined;
}
