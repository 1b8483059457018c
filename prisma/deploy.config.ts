// For deployments that can reach Prisma's engine downloads: the classic (native) schema engine,
// so `npx prisma migrate deploy --config prisma/deploy.config.ts` applies the same migrations.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
});
