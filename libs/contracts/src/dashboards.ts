import { z } from 'zod';

/** A dashboard's place and period; the period defaults to the last 12 months. */
export const dashboardQuery = z
  .strictObject({
    stateCode: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter state code').optional(),
    districtCode: z.string().trim().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'a district code such as RJ-JAIPUR').optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type DashboardQuery = z.infer<typeof dashboardQuery>;
