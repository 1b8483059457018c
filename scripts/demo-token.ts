// `npm run -s demo:token -- <username> [password]`: signs a demo user in to the running API (`npm start`) as a
// person with an authenticator app would, and prints the access token, for the README's curl walkthroughs.
// The file $RAKSHA_HOME/demo-totp/<username> plays the phone's app: the first sign-in of an officer sets the app
// up through the API (POST /me/mfa/totp and /confirm) and keeps the secret there; later ones answer the code.
// Nothing here touches the database: a demo user set up in the web app instead has a secret only their app knows.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';

const [username, password = 'raksha-demo-2026'] = process.argv.slice(2);
if (!username) throw new Error('usage: npm run -s demo:token -- <username> [password]');
const api = process.env.RAKSHA_API_URL ?? 'http://127.0.0.1:3000';
const dir = join(process.env.RAKSHA_HOME ?? join(homedir(), '.cache/raksha'), 'demo-totp');
const secretFile = join(dir, username);

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body ?? {}),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}
const fail = (what: string, res: { status: number; body: unknown }) => {
  throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
};

const login = await post('/auth/login', { username, password });
if (login.status !== 200) fail('sign-in', login);
let token = login.body.accessToken as string | undefined;
if (login.body.challenge) {
  if (!existsSync(secretFile)) throw new Error(`${username} set up their sign-in codes elsewhere (the web app?): sign in there, or have an administrator reset them`);
  const secret = readFileSync(secretFile, 'utf8').trim();
  // A code is accepted once; a second sign-in within the same 30 s uses the app's next code (the API allows one step of drift).
  let answer = await post('/auth/mfa', { challenge: login.body.challenge, code: await generate({ secret }) });
  if (answer.status === 401) answer = await post('/auth/mfa', { challenge: login.body.challenge, code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }) });
  if (answer.status !== 200) fail('second step', answer);
  token = answer.body.accessToken as string;
} else if (login.body.enrolmentOnly) {
  const started = await post('/me/mfa/totp', {}, token);
  if (started.status !== 200) fail('setting up the app', started);
  const secret = started.body.secret as string;
  const confirmed = await post('/me/mfa/totp/confirm', { code: await generate({ secret }) }, token);
  if (confirmed.status !== 200) fail('confirming the app', confirmed);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  writeFileSync(`${secretFile}.recovery-codes`, `${(confirmed.body.recoveryCodes as string[]).join('\n')}\n`, { mode: 0o600 });
}
process.stdout.write(`${token}\n`);
