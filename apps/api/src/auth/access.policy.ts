import { Injectable } from '@nestjs/common';
import { covers, placeFilter, type Place, workFilter, works, type WorkPlace } from '@raksha/domain';
import type { Principal } from './principal.js';

/** The place filter a listing applies for a principal: none for the nation, else their state's, district's or thana's. */
export type PlaceScope = { stateCode?: string; districtCode?: string; thanaCode?: string };

/** Which cases and escalations a principal may know exist: their body's jurisdiction, no more. */
@Injectable()
export class AccessPolicy {
  /** The district's bodies, institutions and escalations: a police station knows its district's. */
  mayKnow(principal: Principal, place: Place): boolean {
    return principal.body !== null && covers(principal.body, place);
  }

  /** A child's case or report: a police station works those of its own thana only (domain `works`). */
  mayWork(principal: Principal, place: WorkPlace): boolean {
    return principal.body !== null && works(principal.body, place);
  }

  /** The place filter a listing must apply for this principal (undefined: national, no filter). */
  scope(principal: Principal): Omit<PlaceScope, 'thanaCode'> | 'nothing' {
    return principal.body ? placeFilter(principal.body) : 'nothing';
  }

  /** The filter a listing of children's cases or reports applies: `scope`, narrowed to a police station's thana. */
  workScope(principal: Principal): PlaceScope | 'nothing' {
    return principal.body ? workFilter(principal.body) : 'nothing';
  }
}
