import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { stateCodeParam } from '@raksha/contracts';
import { PlacesService } from './places.service.js';

// Districts change by government notification, rarely: a phone on a weak link may keep the lists for an hour.
const CACHE_AN_HOUR = 'private, max-age=3600';

@ApiTags('places')
@ApiBearerAuth()
@Controller('places/states')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @Header('Cache-Control', CACHE_AN_HOUR)
  @ApiOperation({ summary: 'Every state and UT (code, name, kind), by name: for place pickers' })
  states() {
    return this.places.states();
  }

  @Get(':stateCode/districts')
  @Header('Cache-Control', CACHE_AN_HOUR)
  @ApiOperation({ summary: "The state's districts (code, name), by name; an unknown state is 404" })
  districts(@Param('stateCode', { schema: stateCodeParam }) stateCode: string) {
    return this.places.districts(stateCode);
  }
}
