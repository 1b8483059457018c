import { Module } from '@nestjs/common';
import { DashboardRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { DashboardsController } from './dashboards.controller.js';
import { DashboardsService } from './dashboards.service.js';
import { TrendsRepository } from './trends.repository.js';
import { DashboardTrendsService } from './trends.service.js';

@Module({
  controllers: [DashboardsController],
  providers: [
    DashboardsService,
    DashboardTrendsService,
    { provide: DashboardRepository, inject: [DB], useFactory: (db: Db) => new DashboardRepository(db) },
    { provide: TrendsRepository, inject: [DB], useFactory: (db: Db) => new TrendsRepository(db) },
  ],
})
export class DashboardsModule {}
