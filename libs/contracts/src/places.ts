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

/**
 * Places below the district a case or report names: a block (sub-district), a police station's area (thana), and
 * optionally a village within a block.
 */
export const LOCAL_PLACE_KINDS = ['BLOCK', 'POLICE_STATION', 'VILLAGE'] as const;
export type LocalPlaceKind = (typeof LOCAL_PLACE_KINDS)[number];

/**
 * `code` is the district's code and the place's own: AS-KAMRUP-PS-RANGIA (as a police station body's thanaCode).
 * A village carries its block's code (`blockCode`); other places carry null.
 */
export const localPlace = z.object({ code: z.string(), kind: z.enum(LOCAL_PLACE_KINDS), name: z.string(), districtCode: z.string(), blockCode: z.string().nullable() });
export type LocalPlace = z.infer<typeof localPlace>;

export const districtCodeParam = districtCode;
/** A place's own code within its district, as an import file gives it (PS-RANGIA). */
export const localPlaceCode = lgdCode;

/** A place's full code, its district's and its own, as GET /places/districts/:code/local lists it (AS-KAMRUP-PS-RANGIA). */
export const localPlaceFullCode = z.string().trim().min(1).max(60).regex(/^[A-Z0-9-]+$/, 'a place code such as AS-KAMRUP-PS-RANGIA');

export const localPlaceListQuery = z.strictObject({
  kind: z.enum(LOCAL_PLACE_KINDS).optional(),
  /** a block's villages: the block's full code (AS-KAMRUP-BL-RANGIA) */
  blockCode: localPlaceFullCode.optional(),
});
export type LocalPlaceListQuery = z.infer<typeof localPlaceListQuery>;

/** Columns of a places import file (POST /places/import), in the template's order; any order is accepted. */
export const LOCAL_PLACE_IMPORT_COLUMNS = ['districtCode', 'kind', 'code', 'name', 'blockCode'] as const;
/** Columns every places import file has; `blockCode` (a village's block, its own code in the district) only files with villages. */
export const LOCAL_PLACE_REQUIRED_COLUMNS = ['districtCode', 'kind', 'code', 'name'] as const;
