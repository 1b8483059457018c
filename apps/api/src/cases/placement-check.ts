import { Injectable } from '@nestjs/common';
import { ageInYearsAt, placeKindsOf, type CaseContext } from '@raksha/case-machine';
import { AdmissionRepository } from '@raksha/db';
import { ageBandOf, dayInIndia } from '@raksha/domain';
import { registrationStatus } from '../registries/institution-records.js';
import { DomainError, dayInWords, invalidField } from '../problem/domain-errors.js';

type Place = NonNullable<Awaited<ReturnType<AdmissionRepository['institution']>>>;

/** How a kind of place reads in a refusal, and what makes it fit to take a child (its registration or recognition). */
const KIND_WORDS: Record<string, string> = {
  CHILDRENS_HOME: 'children’s home',
  OPEN_SHELTER: 'open shelter',
  OBSERVATION_HOME: 'observation home',
  SPECIAL_HOME: 'special home',
  PLACE_OF_SAFETY: 'place of safety',
  SPECIALISED_ADOPTION_AGENCY: 'specialised adoption agency',
  FIT_FACILITY: 'fit facility',
  FIT_PERSON: 'fit person',
  FOSTER_FAMILY: 'foster family',
};
const STANDING: Record<string, string> = {
  FIT_FACILITY: 'recognition as a fit facility (s.51(1))',
  FIT_PERSON: 'recognition as a fit person (s.2(28))',
  FOSTER_FAMILY: 'approval as a foster family (s.44; Model Rules r.23)',
};
const standingOf = (kind: string) => STANDING[kind] ?? 'registration as a child care institution (s.41(1))';
const kindWords = (kind: string) => KIND_WORDS[kind] ?? kind.replaceAll('_', ' ').toLowerCase();

/** The case the order is for: where it is now, for the place's jurisdiction. */
export interface PlacedCase {
  stateCode: string;
  districtCode: string;
}

/**
 * An order that places a child names the place, and the place must be able to take the child: it exists in the
 * registry and is active, is of a kind the order allows, holds a valid registration or recognition, lies in the
 * case's district (or the order says why not; another state only by a s.95 transfer), and has a sanctioned place
 * for the child's gender and age band (or the order says why the child is placed over capacity). Checked before
 * the event goes to the workflow, so a refused order leaves nothing stored: no step and no admission.
 */
@Injectable()
export class PlacementCheck {
  constructor(private readonly admissions: AdmissionRepository) {}

  /** The payload to send: as given, with the place's registry name for the timeline. */
  async check(found: PlacedCase, type: string, payload: Record<string, unknown>, context: () => Promise<CaseContext>): Promise<Record<string, unknown>> {
    const kinds = placeKindsOf(type, payload);
    if (kinds === undefined) return payload;
    if (payload.placeName !== undefined) throw invalidField('payload.placeName', 'the place’s name is taken from the registry; send only placeId');
    if (kinds === null) {
      for (const field of ['placeId', 'overCapacityReason', 'outOfDistrictReason'] as const) {
        if (payload[field] !== undefined) throw invalidField(`payload.${field}`, 'this order places the child in no registered place; leave it out');
      }
      return payload;
    }
    const wanted = kinds.map(kindWords).join(' or ');
    const placeId = payload.placeId;
    if (typeof placeId !== 'string') throw invalidField('payload.placeId', `name the place the order places the child in: a registered ${wanted}`);
    const place = await this.admissions.institution(placeId);
    if (!place || !place.body.stateCode) throw invalidField('payload.placeId', `no ${wanted} with the id ${placeId} is in the registry`);
    const name = place.body.name;
    if (place.body.deactivatedAt) throw invalidField('payload.placeId', `${name} is no longer active in the registry`);
    if (!kinds.includes(place.kind)) throw invalidField('payload.placeId', `${name} is a ${kindWords(place.kind)}; this order places the child with a ${wanted}`);
    this.checkStanding(place);
    this.checkJurisdiction(found, place, payload);
    await this.checkCapacity(place, payload, await context());
    return { ...payload, placeName: name };
  }

  private checkStanding(place: Place): void {
    const until = place.registeredUntil?.toISOString().slice(0, 10) ?? null;
    const status = registrationStatus({ registrationNo: place.registrationNo, registeredUntil: until }, dayInIndia());
    if (status === 'UNREGISTERED') throw invalidField('payload.placeId', `${place.body.name} has no ${standingOf(place.kind)} on record; a child can be placed only with a place the law recognises`);
    if (status === 'EXPIRED') throw invalidField('payload.placeId', `${place.body.name}’s ${standingOf(place.kind)} ended on ${dayInWords(until!)}; it must be renewed before a child is placed there`);
  }

  private checkJurisdiction(found: PlacedCase, place: Place, payload: Record<string, unknown>): void {
    if (place.body.stateCode !== found.stateCode) {
      throw invalidField('payload.placeId', `${place.body.name} is in another state; a child goes to another state by a transfer order (s.95)`);
    }
    if (place.body.districtCode !== found.districtCode && payload.outOfDistrictReason === undefined) {
      throw invalidField('payload.outOfDistrictReason', `${place.body.name} is in another district; record why the child is placed outside the district`);
    }
  }

  private async checkCapacity(place: Place, payload: Record<string, unknown>, context: CaseContext): Promise<void> {
    const current = await this.admissions.current(context.caseId);
    if (current?.institutionId === place.bodyId) return; // the child is there already: no new place is taken
    const gender = context.child.gender && context.child.gender !== 'UNKNOWN' ? context.child.gender : undefined;
    if (!gender) throw invalidField('payload.placeId', 'the case does not record the child’s gender; places are sanctioned by gender, so record it before the placement');
    const age = ageInYearsAt(context.child, context.registeredAt, new Date().toISOString());
    if (age === undefined) throw invalidField('payload.placeId', 'the case does not record the child’s age; places are sanctioned by age band, so record it before the placement');
    const ageBand = ageBandOf(age);
    const band = (await this.admissions.occupancy(place.bodyId)).find((r) => r.gender === gender && r.ageBand === ageBand);
    const occupied = band?.occupied ?? 0;
    const sanctioned = band?.sanctioned ?? 0;
    if (occupied < sanctioned || payload.overCapacityReason !== undefined) return;
    const message = `${occupied} of ${sanctioned} places at ${place.body.name} for ${gender.toLowerCase()} children aged ${ageBand} are taken; record why the child is placed over capacity, or choose another place`;
    throw new DomainError('over-capacity', message, { gender, ageBand, occupied, sanctioned, errors: [{ field: 'payload.overCapacityReason', message }] });
  }
}
