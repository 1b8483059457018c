import { Module } from '@nestjs/common';
import { NotificationRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, { provide: NotificationRepository, inject: [DB], useFactory: (db: Db) => new NotificationRepository(db) }],
})
export class NotificationsModule {}
