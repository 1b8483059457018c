// What GET /health (/health/ready) answers: each dependency's reachability (503 when any is down); /health/live: the process answers.
import { z } from 'zod';

export const dependencyStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('up'), latencyMs: z.number() }),
  z.object({ status: z.literal('down'), error: z.string(), latencyMs: z.number() }),
]);
export type DependencyStatus = z.infer<typeof dependencyStatus>;

export const healthReport = z.object({
  status: z.enum(['up', 'down']),
  dependencies: z.object({ postgres: dependencyStatus, redis: dependencyStatus, temporal: dependencyStatus }),
});
export type HealthReport = z.infer<typeof healthReport>;

export const liveness = z.object({ status: z.literal('up') });
export type Liveness = z.infer<typeof liveness>;
