// The request id an API call carries into Temporal: a header on the workflow's start, Update or signal, and on
// every activity the workflow schedules while handling it, so one id finds the request's lines in every log.
import { defaultPayloadConverter, type Headers } from '@temporalio/common';

export const REQUEST_ID_HEADER = 'raksha-request-id';

/** What the API takes from a client's X-Request-Id: short, printable, no spaces (anything else is replaced). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** `headers` with the request id added; unchanged when there is none. */
export function withRequestId(headers: Headers, requestId: string | undefined): Headers {
  if (!requestId) return headers;
  return { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) };
}

/** The request id a call carries, if any (and only if well-formed: a header is input like any other). */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  const payload = headers?.[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  try {
    const id: unknown = defaultPayloadConverter.fromPayload(payload);
    return typeof id === 'string' && REQUEST_ID_PATTERN.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
