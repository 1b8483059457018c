import { Module } from '@nestjs/common';
import { DashboardRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { DashboardsController } from './dashboards.controller.js';
import { DashboardsService } from './dashboards.service.js';

@Module({
  controllers: [DashboardsController],
  providers: [DashboardsService, { provide: DashboardRepository, inject: [DB], useFactory: (db: Db) => new DashboardRepository(db) }],
})
export class DashboardsModule {}
