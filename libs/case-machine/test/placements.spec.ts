// Placement is a place: which registered places an order may name, and what each accepted event does to the
// child's stay (admission, move, discharge) — written with the event's step (libs/db followOrder).
import { describe, expect, it } from '@jest/globals';
import { placeKindsOf, stayChangeOf } from '../src/index.js';

describe('placement orders', () => {
  it('names the kinds of place each order may name, and none for an order placing the child in no registered place', () => {
    expect(placeKindsOf('INTERIM_PLACEMENT_ORDERED', { placement: 'FIT_PERSON' })).toEqual(['FIT_PERSON']);
    expect(placeKindsOf('INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME' })).toEqual(['CHILDRENS_HOME', 'OPEN_SHELTER']);
    expect(placeKindsOf('INTERIM_PLACEMENT_ORDERED', { placement: 'PARENT_OR_GUARDIAN' })).toBeNull();
    expect(placeKindsOf('FINAL_ORDER_PASSED', { order: 'FOSTER_CARE' })).toEqual(['FOSTER_FAMILY']);
    expect(placeKindsOf('FINAL_ORDER_PASSED', { order: 'SPONSORSHIP' })).toBeNull();
    expect(placeKindsOf('JJB_FINAL_ORDER_PASSED', { order: 'SPECIAL_HOME' })).toEqual(['SPECIAL_HOME', 'PLACE_OF_SAFETY']);
    expect(placeKindsOf('SIR_ORDERED', { sirRef: 'S/1' })).toBeUndefined();
  });

  it('admits with an order naming the place, and ends the stay when the child leaves care', () => {
    expect(stayChangeOf('FINAL_ORDER_PASSED', { order: 'FOSTER_CARE', orderRef: 'CWC/1', placeId: 'FF-1', overCapacityReason: 'siblings kept together' })).toEqual({
      place: { placeId: 'FF-1', orderRef: 'CWC/1', overCapacityReason: 'siblings kept together' },
    });
    expect(stayChangeOf('CHILD_RESTORED', { restoredTo: 'PARENT' })).toEqual({ end: 'RESTORED' });
    expect(stayChangeOf('HANDED_OVER_FOR_ADOPTION', { saaRef: 'SAA/1' })).toEqual({ end: 'ADOPTION' });
    expect(stayChangeOf('CHILD_ATTAINED_MAJORITY', { aftercare: true })).toEqual({ end: 'AFTERCARE' });
    expect(stayChangeOf('CHILD_ATTAINED_MAJORITY', { aftercare: false })).toEqual({ end: 'LEFT_CARE_AT_18' });
    expect(stayChangeOf('CHILD_ESCORTED', { escortOfficerRef: 'HC 1', escortedByWomanOfficer: true })).toEqual({ end: 'TRANSFERRED' });
    expect(stayChangeOf('CLOSE_CASE', { ground: 'OTHER', reasons: 'duplicate of another case' })).toEqual({ end: 'OTHER' });
    expect(stayChangeOf('JJB_FINAL_ORDER_PASSED', { order: 'ADVICE_OR_ADMONITION', orderRef: 'J/1' })).toEqual({ end: 'OTHER' });
  });

  it('keeps the stay while a restoration is only ordered, and leaves a stay alone for a history that named no place', () => {
    expect(stayChangeOf('FINAL_ORDER_PASSED', { order: 'RESTORATION', orderRef: 'CWC/2', reasons: 'family traced and verified' })).toBeUndefined();
    expect(stayChangeOf('RESTORATION_ORDERED', { orderRef: 'CWC/3', reasons: 'family traced and verified' })).toBeUndefined();
    expect(stayChangeOf('INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/1' })).toBeUndefined();
  });
});
