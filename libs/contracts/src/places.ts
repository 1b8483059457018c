// The places a user picks from (state, then district) instead of typing their codes.
import { z } from 'zod';

export const statePlace = z.object({
  code: z.string(),
  name: z.string(),
  /** STATE or UT */
  kind: z.string(),
});
export type StatePlace = z.infer<typeof statePlace>;

export const districtPlace = z.object({ code: z.string(), name: z.string() });
export type DistrictPlace = z.infer<typeof districtPlace>;
