import { Injectable } from '@nestjs/common';
import { covers, placeFilter, type Place, TRACK_BODY, type Track, workFilter, works, type WorkPlace } from '@raksha/domain';

/**
 * The state bodies that keep watch over a child's record after a transfer took the child to another state: the
 * State Child Protection Society (s.106), the state's monitoring cell (the ladder's last rung) and the State
 * Commission for Protection of Child Rights, which monitors the Act's implementation (s.109).
 */
const STATE_MONITORS: readonly string[] = ['SCPS', 'STATE_MONITORING_CELL', 'SCPCR'];
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

  /**
   * Whether the principal keeps read-only sight of a case that an escorted transfer (s.95) moved out of their
   * jurisdiction: the sending state's monitors (STATE_MONITORS), and in the sending district the CWC or JJB that
   * ordered the transfer (s.95(1)) and the DCPU sent a copy of the order (R.81). The case is the receiving
   * district's to act on; no one else of the sending district (a police station, a home) sees it any more.
   */
  keepsSightOf(principal: Principal, c: { track: string }, formerPlaces: readonly Place[]): boolean {
    const b = principal.body;
    if (!b) return false;
    if (b.level === 'STATE') return STATE_MONITORS.includes(b.type) && formerPlaces.some((p) => p.stateCode === b.stateCode);
    if (b.level !== 'DISTRICT') return false;
    const sender = b.type === 'DCPU' || b.type === TRACK_BODY[c.track as Track];
    return sender && formerPlaces.some((p) => p.districtCode === b.districtCode);
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
