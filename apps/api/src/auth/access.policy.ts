import { Injectable } from '@nestjs/common';
import { covers, placeFilter, type Place } from '@raksha/domain';
import type { Principal } from './principal.js';

/** Which cases and escalations a principal may know exist: their body's jurisdiction, no more. */
@Injectable()
export class AccessPolicy {
  mayKnow(principal: Principal, place: Place): boolean {
    return principal.body !== null && covers(principal.body, place);
  }

  /** The place filter a listing must apply for this principal (undefined: national, no filter). */
  scope(principal: Principal): { stateCode?: string; districtCode?: string } | 'nothing' {
    return principal.body ? placeFilter(principal.body) : 'nothing';
  }
}
