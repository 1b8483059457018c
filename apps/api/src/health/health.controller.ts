import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/decorators.js';
import type { HealthReport, Liveness } from '@raksha/contracts';
import { HealthService } from './health.service.js';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../problem/domain-errors.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'PostgreSQL, Redis and Temporal reachability; 503 when any is down (the same as /health/ready)' })
  check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    return this.ready(res);
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is asked; restart the API only when this fails)' })
  live(): Liveness {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis and Temporal answer; 503 when any is down (send no traffic meanwhile)' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'up' ? 200 : 503);
    // as every 503 of the API: when to ask again (a load balancer or a client waits that long)
    if (report.status !== 'up') res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return report;
  }
}
