import { Injectable } from '@nestjs/common';
import { covers, type Place } from '@raksha/domain';
import type { Principal } from './principal.js';

/** Which cases and escalations a principal may know exist: their body's jurisdiction, no more. */
@Injectable()
export class AccessPolicy {
  mayKnow(principal: Principal, place: Place): boolean {
    return principal.body !== null && covers(principal.body, place);
  }

  /** The place filter a listing must apply for this principal (undefined: national, no filter). */
  scope(principal: Principal): { stateCode?: string; districtCode?: string } | 'nothing' {
    const body = principal.body;
    if (!body) return 'nothing';
    switch (body.level) {
      case 'NATIONAL':
        return {};
      case 'STATE':
        return { stateCode: body.stateCode ?? '' };
      default:
        return { districtCode: body.districtCode ?? '' };
    }
  }
}
