import { Module } from '@nestjs/common';
import { LocalPlacesController } from './local-places.controller.js';
import { LocalPlacesService } from './local-places.service.js';
import { PlacesController } from './places.controller.js';
import { PlacesService } from './places.service.js';

@Module({ controllers: [PlacesController, LocalPlacesController], providers: [PlacesService, LocalPlacesService] })
export class PlacesModule {}
