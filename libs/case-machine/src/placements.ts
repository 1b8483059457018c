// Which orders on a case place the child in an institution, and of which kinds: an admission must follow one.
import type { CaseContext } from './context.js';

export interface InstitutionalOrder {
  /** The order's reference; a bail refusal has none of its own in the machine. */
  orderRef?: string;
  at: string;
  order: string;
  citation: string;
  kinds: readonly string[];
}

const CNCP_KINDS: Record<string, readonly string[]> = {
  CHILDRENS_HOME: ['CHILDRENS_HOME', 'OPEN_SHELTER'],
  FIT_FACILITY: ['FIT_FACILITY'],
  SPECIALISED_ADOPTION_AGENCY: ['SPECIALISED_ADOPTION_AGENCY'],
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
