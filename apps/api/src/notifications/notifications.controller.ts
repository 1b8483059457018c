import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notificationIdParam, notificationListQuery, type NotificationListQuery } from '@raksha/contracts';
import { CurrentPrincipal } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "Your inbox: messages to your body (escalations, match alerts, notices) and to you; newest first" })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: notificationListQuery }) query: NotificationListQuery) {
    return this.notifications.inbox(principal, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a message read (for everyone in your body)' })
  read(@CurrentPrincipal() principal: Principal, @Param('id', { schema: notificationIdParam }) id: string) {
    return this.notifications.markRead(principal, id);
  }
}
