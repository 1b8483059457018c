import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseIdParam, deliveryListQuery, notificationSettingsInput, smsReceipt, webhookSubscriptionInput } from '@raksha/contracts';
import { z } from 'zod';
import { CurrentPrincipal, Public, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { bodySchema } from '../problem/openapi.js';
import { DeliveriesService } from './deliveries.service.js';

const deliveryIdParam = z.uuid({ message: 'a delivery id is a UUID' });
const subscriptionIdParam = z.uuid({ message: 'a webhook subscription id is a UUID' });

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('cases/:id/deliveries')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "Who the case's notices reached beyond the inbox, by which channel, and when (sent, delivered, failed and why)" })
  forCase(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.deliveries.forCase(principal, id);
  }

  @Get('deliveries')
  @RequirePermission('delivery:manage')
  @ApiOperation({ summary: "Your state's deliveries by email, SMS and webhook, newest first; ?status=FAILED for those to retry" })
  list(@CurrentPrincipal() principal: Principal, @Query({ schema: deliveryListQuery }) query: z.infer<typeof deliveryListQuery>) {
    return this.deliveries.list(principal, query);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @RequirePermission('delivery:manage')
  @ApiOperation({ summary: 'Send a failed delivery again (a fresh round of attempts)' })
  retry(@CurrentPrincipal() principal: Principal, @Param('id', { schema: deliveryIdParam }) id: string) {
    return this.deliveries.retry(principal, id);
  }

  @Public()
  @Post('sms/receipts')
  @HttpCode(204)
  @ApiOperation({ summary: "The SMS gateway's delivery receipt (Authorization: Bearer SMS_RECEIPT_TOKEN)" })
  @ApiBody({ ...bodySchema(smsReceipt) })
  async receipt(@Headers('authorization') authorization: string | undefined, @Body({ schema: smsReceipt }) body: z.infer<typeof smsReceipt>): Promise<void> {
    await this.deliveries.receipt(authorization, body);
  }

  @Get('me/notification-settings')
  @ApiOperation({ summary: 'Your language and which kinds of notice reach you by email or SMS (escalations always do, by every verified channel)' })
  settings(@CurrentPrincipal() principal: Principal) {
    return this.deliveries.settings(principal);
  }

  @Put('me/notification-settings')
  @ApiBody({ ...bodySchema(notificationSettingsInput) })
  saveSettings(@CurrentPrincipal() principal: Principal, @Body({ schema: notificationSettingsInput }) body: z.infer<typeof notificationSettingsInput>) {
    return this.deliveries.saveSettings(principal, body);
  }

  @Get('webhook-subscriptions')
  @RequirePermission('delivery:manage')
  subscriptions(@CurrentPrincipal() principal: Principal) {
    return this.deliveries.subscriptions(principal);
  }

  @Post('webhook-subscriptions')
  @RequirePermission('delivery:manage')
  @ApiOperation({ summary: 'Subscribe a partner system to kinds of notice in your state (or one district); answers the signing secret once' })
  @ApiBody({ ...bodySchema(webhookSubscriptionInput) })
  subscribe(@CurrentPrincipal() principal: Principal, @Body({ schema: webhookSubscriptionInput }) body: z.infer<typeof webhookSubscriptionInput>) {
    return this.deliveries.subscribe(principal, body);
  }

  @Post('webhook-subscriptions/:id/rotate-secret')
  @HttpCode(200)
  @RequirePermission('delivery:manage')
  @ApiOperation({ summary: 'A new signing secret; deliveries carry both signatures for a day so the partner can switch' })
  rotate(@CurrentPrincipal() principal: Principal, @Param('id', { schema: subscriptionIdParam }) id: string) {
    return this.deliveries.rotateSecret(principal, id);
  }

  @Delete('webhook-subscriptions/:id')
  @HttpCode(204)
  @RequirePermission('delivery:manage')
  async unsubscribe(@CurrentPrincipal() principal: Principal, @Param('id', { schema: subscriptionIdParam }) id: string): Promise<void> {
    await this.deliveries.unsubscribe(principal, id);
  }
}
