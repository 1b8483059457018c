import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module.js';
import { LocalPlacesController } from './local-places.controller.js';
import { LocalPlacesService } from './local-places.service.js';
import { PlacesController } from './places.controller.js';
import { PlacesService } from './places.service.js';

@Module({ imports: [ImportsModule], controllers: [PlacesController, LocalPlacesController], providers: [PlacesService, LocalPlacesService] })
export class PlacesModule {}
