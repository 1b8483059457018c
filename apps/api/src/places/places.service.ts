import { Injectable } from '@nestjs/common';
import type { DistrictPlace, StatePlace } from '@raksha/contracts';
import { GeographyRepository } from '@raksha/db';
import { notFound } from '../problem/domain-errors.js';

/** States and their districts, for pickers. Public knowledge (the LGD directory), so any signed-in user may read them. */
@Injectable()
export class PlacesService {
  constructor(private readonly geography: GeographyRepository) {}

  states(): Promise<StatePlace[]> {
    return this.geography.states();
  }

  async districts(stateCode: string): Promise<DistrictPlace[]> {
    if (!(await this.geography.findState(stateCode))) throw notFound('state', stateCode);
    return this.geography.districtsOf(stateCode);
  }
}
