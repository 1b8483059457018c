// `npm run admin:first -- <email> "<full name>"`: how a new deployment gets its first national administrator (the
// one account no administrator can invite). Creates the Ministry's body (MWCD) if it is missing and invites the
// person to it as NATIONAL_ADMIN through the API's own services, in the name of "Raksha set-up" in the audit trail,
// and prints the one-time link they set their password from (it is also sent by email when the email channel is
// on). Refused once a national administrator has signed up: from then on administrators invite each other.
import { Queue } from 'bullmq';
import { loadConfig, redisConnectionOptions } from '@raksha/config';
import { inviteBody, NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { createDb } from '@raksha/db';
import { administrationServices } from '@raksha/api/administration';
import { NationalAdministratorExists } from '@raksha/api/people/first-administrator';

const [emailArg, ...nameArgs] = process.argv.slice(2);
const input = inviteBody.pick({ email: true, displayName: true }).safeParse({ email: emailArg, displayName: nameArgs.join(' ') });
if (!input.success) {
  console.error('usage: npm run admin:first -- <email> "<full name>"');
  process.exit(2);
}

const config = loadConfig();
const db = createDb(config.databaseUrl);
const notices = new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(config.redisUrl) });
try {
  // No institution is registered here, so no registration watch is told.
  const services = administrationServices(db, config, { notices, registrationWatch: { tell: async () => undefined } });
  const issued = await services.firstAdministrator.invite(input.data);
  console.log(`Invited ${input.data.displayName} as the national administrator (sign-in: ${input.data.email}).`);
  console.log(`They set their password within ${config.accounts.invitationTtlHours} hours, once, at:\n${issued.url}`);
} catch (err) {
  if (!(err instanceof NationalAdministratorExists)) throw err;
  console.error(err.message);
  process.exitCode = 1;
} finally {
  await notices.close();
  await db.$disconnect();
}
