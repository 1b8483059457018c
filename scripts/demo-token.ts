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
/** The RFC 6238 time step now (30 s steps since the epoch). */
const currentStep = () => Math.floor(Date.now() / 30_000);
const fail = (what: string, res: { status: number; body: unknown }) => {
  throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
};

const login = await post('/auth/login', { username, password });
if (login.status !== 200) fail('sign-in', login);
let token = login.body.accessToken as string | undefined;
if (login.body.challenge) {
  if (!existsSync(secretFile)) throw new Error(`${username} set up their sign-in codes elsewhere (the web app?): sign in there, or have an administrator reset them`);
  const secret = readFileSync(secretFile, 'utf8').trim();
  // A code is accepted once, so the app's code for a step after the last one used (the API allows one step of
  // drift ahead); a third sign-in within one 30 s step waits for the next, as a person would.
  const last = existsSync(`${secretFile}.last-step`) ? Number(readFileSync(`${secretFile}.last-step`, 'utf8')) : 0;
  const step = Math.max(currentStep(), last + 1);
  while (step > currentStep() + 1) await new Promise((r) => setTimeout(r, 1000));
  const answer = await post('/auth/mfa', { challenge: login.body.challenge, code: await generate({ secret, epoch: step * 30 }) });
  if (answer.status !== 200) fail('second step', answer);
  writeFileSync(`${secretFile}.last-step`, `${step}\n`);
  token = answer.body.accessToken as string;
} else if (login.body.enrolmentOnly) {
  const started = await post('/me/mfa/totp', {}, token);
  if (started.status !== 200) fail('setting up the app', started);
  const secret = started.body.secret as string;
  const step = currentStep();
  const confirmed = await post('/me/mfa/totp/confirm', { code: await generate({ secret, epoch: step * 30 }) }, token);
  if (confirmed.status !== 200) fail('confirming the app', confirmed);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  writeFileSync(`${secretFile}.last-step`, `${step}\n`);
  writeFileSync(`${secretFile}.recovery-codes`, `${(confirmed.body.recoveryCodes as string[]).join('\n')}\n`, { mode: 0o600 });
}
process.stdout.write(`${token}\n`);
