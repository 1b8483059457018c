// The API's Temporal connection. The SDK retries a failed call from a timer; a call still failing as the connection
// closes would retry on a closed channel and throw ("Channel has been shut down") where nothing can catch it. Calls on
// a connection being closed are not retried.
import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

const closing = new WeakSet<Connection>();

/** A lazy connection (the API starts while Temporal is still coming up) whose calls retry as the SDK's do, until it closes. */
export function temporalConnection(address: string): Connection {
  const retry = defaultGrpcRetryOptions();
  const connection: Connection = Connection.lazy({
    address,
    interceptors: [makeGrpcRetryInterceptor({ ...retry, retryableDecider: (attempt, status) => !closing.has(connection) && retry.retryableDecider(attempt, status) })],
  });
  return connection;
}

/** Closes it: from now on a failed call ends with its failure rather than a retry. */
export async function closeTemporalConnection(connection: Connection): Promise<void> {
  closing.add(connection);
  await connection.close();
}
