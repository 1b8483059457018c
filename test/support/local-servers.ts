// Real local servers that play the outside world of notifications: an SMTP server, an SMS gateway and a partner's
// webhook endpoint. Each listens on 127.0.0.1 on a free port and records what it received.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

export interface ReceivedMail {
  to: string[];
  /** the raw message: headers and MIME parts */
  raw: string;
}

export async function startSmtpServer(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** A received mail as its reader sees it: the decoded subject, plain text and HTML (RFC 2047 words, base64, quoted-printable). */
export function readMail(mail: ReceivedMail): { subject: string; text: string; html: string } {
  const [head = '', ...rest] = mail.raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = (/^Subject: (.*)$/m.exec(headers)?.[1] ?? '').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, word: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(word, 'base64').toString('utf8') : decodeQuotedPrintable(word.replaceAll('_', ' ')),
  );
  const body = rest.join('\r\n\r\n');
  const part = (type: string) => {
    const at = body.search(new RegExp(`Content-Type: ${type}`, 'i'));
    if (at < 0) return '';
    const [partHead = '', ...partBody] = body.slice(at).split(/\r?\n\r?\n/);
    const content = partBody.join('\r\n\r\n').split(/\r?\n--/)[0] ?? '';
    if (/Content-Transfer-Encoding: base64/i.test(partHead)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/Content-Transfer-Encoding: quoted-printable/i.test(partHead)) return decodeQuotedPrintable(content.replace(/=\r?\n/g, ''));
    return content;
  };
  return { subject, text: part('text/plain'), html: part('text/html') };
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** How the gateway answers a number: accept it, reject it (400), fail (503), or never answer. */
export type GatewayBehaviour = 'accept' | 'reject' | 'fail' | 'hang';

export interface GatewaySms {
  to: string;
  message: string;
  templateId: string;
  entityId: string;
  sender: string;
  unicode: string;
  ref: string;
  callbackUrl: string;
  authorization: string | undefined;
}

/**
 * An SMS gateway: takes the default request shape (libs/config DEFAULT_SMS_GATEWAY_REQUEST), answers per number as
 * `behaviour` says, records every request (`requests`, including refused ones) and the accepted messages (`sent`).
 */
export async function startSmsGateway(behaviour: (to: string) => GatewayBehaviour = () => 'accept') {
  const requests: GatewaySms[] = [];
  const sent: GatewaySms[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const sms = { ...(JSON.parse(body) as GatewaySms), authorization: req.headers.authorization };
      requests.push(sms);
      const b = behaviour(sms.to);
      if (b === 'hang') return; // the socket stays open until the client gives up
      if (b === 'reject') return res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"number not reachable"}');
      if (b === 'fail') return res.writeHead(503).end();
      sent.push(sms);
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: sms.ref }));
    });
  });
  const url = await listen(server);
  return {
    url,
    requests,
    sent,
    /** Posts a delivery receipt for an accepted message to the callback it named, as a gateway does. */
    async receipt(sms: GatewaySms, status: 'DELIVERED' | 'FAILED', token: string, to = sms.callbackUrl) {
      return fetch(to, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ref: sms.ref, status }) });
    },
    close: () => close(server),
  };
}

export interface ReceivedWebhook {
  id: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** whether the signature verified with the partner's secret */
  verified: boolean;
}

/** A partner's webhook endpoint: verifies every request's Standard Webhooks signature with the secret it is given. */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let secret = '';
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      let verified: boolean;
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ id: String(req.headers['webhook-id']), payload: JSON.parse(body) as ReceivedWebhook['payload'], verified });
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  const url = await listen(server);
  return {
    url,
    received,
    useSecret(s: string) {
      secret = s;
    },
    close: () => close(server),
  };
}
