// Which orders on a case place the child in a registered place, and of which kinds: an admission must follow one.
// An order that names the place (placeId) admits the child with the order itself (`stayChangeOf`).
import type { CaseContext } from './context.js';

export interface InstitutionalOrder {
  /** The order's reference; a bail refusal has none of its own in the machine. */
  orderRef?: string;
  at: string;
  order: string;
  citation: string;
  kinds: readonly string[];
}

/** The registry kinds each CWC placement (s.36(1), s.37(1)) may name, by the order's word for it. */
const CNCP_KINDS: Record<string, readonly string[]> = {
  CHILDRENS_HOME: ['CHILDRENS_HOME', 'OPEN_SHELTER'],
  FIT_FACILITY: ['FIT_FACILITY'], // s.2(27), s.51
  SPECIALISED_ADOPTION_AGENCY: ['SPECIALISED_ADOPTION_AGENCY'],
  FIT_PERSON: ['FIT_PERSON'], // s.2(28)
  FOSTER_CARE: ['FOSTER_FAMILY'], // s.2(29), s.44
};
const JJB_KINDS: Record<string, readonly string[]> = {
  SPECIAL_HOME: ['SPECIAL_HOME', 'PLACE_OF_SAFETY'],
  PROBATION_WITH_FIT_FACILITY: ['FIT_FACILITY'],
};

/** The orders in force on the case that place the child in an institution (s.36(1), s.37(1), s.12, s.18(1)). */
export function institutionalOrders(context: CaseContext): InstitutionalOrder[] {
  const orders: InstitutionalOrder[] = [];
  const interim = context.interimPlacement;
  if (interim && CNCP_KINDS[interim.placement]) {
    orders.push({ orderRef: interim.orderRef, at: interim.at, order: interim.placement, citation: 's.36(1)', kinds: CNCP_KINDS[interim.placement]! });
  }
  const final = context.finalOrder;
  if (final) {
    const kinds = (context.track === 'CNCP' ? CNCP_KINDS : JJB_KINDS)[final.order];
    if (kinds) orders.push({ orderRef: final.orderRef, at: final.at, order: final.order, citation: context.track === 'CNCP' ? 's.37(1)' : 's.18(1)', kinds });
  }
  // s.12(1) proviso: a child refused bail is kept in an observation home or a place of safety.
  if (context.bail && !context.bail.granted && !final) {
    orders.push({ at: context.bail.at, order: 'BAIL_REFUSED', citation: 's.12(1)', kinds: ['OBSERVATION_HOME', 'PLACE_OF_SAFETY'] });
  }
  return orders;
}

/** The events whose order may place the child in a registered place. */
export const PLACING_EVENTS = ['INTERIM_PLACEMENT_ORDERED', 'FINAL_ORDER_PASSED', 'JJB_FINAL_ORDER_PASSED'] as const;

/**
 * The registry kinds the order in this event may place the child in; null for an order that places the child in
 * no registered place (with the parents, restoration, sponsorship, a JJB order in the community); undefined for
 * an event that is no placing order.
 */
export function placeKindsOf(type: string, payload: Record<string, unknown>): readonly string[] | null | undefined {
  if (type === 'INTERIM_PLACEMENT_ORDERED') return CNCP_KINDS[String(payload.placement)] ?? null;
  if (type === 'FINAL_ORDER_PASSED') return CNCP_KINDS[String(payload.order)] ?? null;
  if (type === 'JJB_FINAL_ORDER_PASSED') return JJB_KINDS[String(payload.order)] ?? null;
  return undefined;
}

/** Why a stay ends with an event; the words of DISCHARGE_REASONS (libs/domain). */
export type StayEndReason = 'TRANSFERRED' | 'RESTORED' | 'ADOPTION' | 'AFTERCARE' | 'LEFT_CARE_AT_18' | 'OTHER';

/** What an accepted event does to the child's stay in a registered place. */
export type StayChange =
  | { place: { placeId: string; orderRef: string; overCapacityReason?: string } }
  | { end: StayEndReason };

/**
 * The admission or discharge an accepted event brings with it, written in the same transaction as its step:
 * an order naming a place admits the child there (moving the child from any other place); an event that takes
 * the child out of care ends the stay. Restoration ends it when the child is handed over (CHILD_RESTORED), not
 * when it is ordered; an escort to the home district (s.95) ends it there, and that district's CWC places anew.
 */
export function stayChangeOf(type: string, payload: Record<string, unknown>): StayChange | undefined {
  const kinds = placeKindsOf(type, payload);
  if (kinds !== undefined) {
    if (typeof payload.placeId === 'string') {
      return { place: { placeId: payload.placeId, orderRef: String(payload.orderRef), ...(typeof payload.overCapacityReason === 'string' && { overCapacityReason: payload.overCapacityReason }) } };
    }
    // An order that names no place of its own kind: the child leaves any place, except a restoration order (s.40).
    if (kinds === null && !(type === 'FINAL_ORDER_PASSED' && payload.order === 'RESTORATION')) return { end: 'OTHER' };
    return undefined;
  }
  switch (type) {
    case 'CHILD_RESTORED':
      return { end: 'RESTORED' };
    case 'CHILD_ESCORTED':
      return { end: 'TRANSFERRED' };
    case 'HANDED_OVER_FOR_ADOPTION':
      return { end: 'ADOPTION' };
    case 'CHILD_ATTAINED_MAJORITY':
      return { end: payload.aftercare === true ? 'AFTERCARE' : 'LEFT_CARE_AT_18' };
    case 'CLOSE_CASE':
    case 'PROCEEDINGS_TERMINATED':
      return { end: 'OTHER' };
    default:
      return undefined;
  }
}
