// The places a user picks from (state, then district) instead of typing their codes.
import { z } from 'zod';
import { districtCode, lgdCode } from './shared.js';

export const statePlace = z.object({
  code: z.string(),
  name: z.string(),
  /** STATE or UT */
  kind: z.string(),
});
export type StatePlace = z.infer<typeof statePlace>;

export const districtPlace = z.object({ code: z.string(), name: z.string() });
export type DistrictPlace = z.infer<typeof districtPlace>;

/** Places below the district a case or report names: a block (sub-district) and a police station's area (thana). */
export const LOCAL_PLACE_KINDS = ['BLOCK', 'POLICE_STATION'] as const;
export type LocalPlaceKind = (typeof LOCAL_PLACE_KINDS)[number];

/** `code` is the district's code and the place's own: AS-KAMRUP-PS-RANGIA (as a police station body's thanaCode). */
export const localPlace = z.object({ code: z.string(), kind: z.enum(LOCAL_PLACE_KINDS), name: z.string(), districtCode: z.string() });
export type LocalPlace = z.infer<typeof localPlace>;

export const districtCodeParam = districtCode;
/** A place's own code within its district, as an import file gives it (PS-RANGIA). */
export const localPlaceCode = lgdCode;

export const localPlaceListQuery = z.strictObject({ kind: z.enum(LOCAL_PLACE_KINDS).optional() });
export type LocalPlaceListQuery = z.infer<typeof localPlaceListQuery>;

/** Columns of a places import file (POST /places/import), in the template's order; any order is accepted. */
export const LOCAL_PLACE_IMPORT_COLUMNS = ['districtCode', 'kind', 'code', 'name'] as const;
