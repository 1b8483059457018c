import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type INestApplication, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { urlencoded } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createLogger, requireDataKeys, requireTokenSecret, type RakshaConfig } from '@raksha/config';
import { Logger } from 'nestjs-pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import { PARTNER_SCOPES } from '@raksha/domain';
import { AccessModule } from './auth/access.module.js';
import { AccessLogModule } from './access-log/access-log.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { RateLimitGuard } from './auth/rate-limit.guard.js';
import { CareModule } from './care/care.module.js';
import { CasesModule } from './cases/cases.module.js';
import { RecordsDestructionModule } from './records-destruction/records-destruction.module.js';
import { codecCors } from './codec/codec-cors.js';
import { CodecModule } from './codec/codec.module.js';
import { EscalationsModule } from './escalations/escalations.module.js';
import { HealthModule } from './health/health.module.js';
import { InterventionsModule } from './interventions/interventions.module.js';
import { DashboardsModule } from './dashboards/dashboards.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ObligationsModule } from './obligations/obligations.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { DuplicatesModule } from './duplicates/duplicates.module.js';
import { LegacyImportsModule } from './imports/legacy-imports.module.js';
import { RegistriesModule } from './registries/registries.module.js';
import { DeadlinePolicyModule } from './policy/deadline-policy.module.js';
import { PlacesModule } from './places/places.module.js';
import { PeopleModule } from './people/people.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { PARTNER_SECURITY_SCHEME } from './partners/partner.decorators.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { RequestDeadline } from './problem/request-deadline.js';
import { SchemaValidationPipe } from './problem/validation.js';
import { ResponseContractInterceptor } from './problem/response-contracts.js';
import { withResponseSchemas } from './problem/openapi.js';
import { publicOperations, withProblemResponses } from './problem/openapi-problems.js';
import { jsonBodyOptions } from './problem/request-body.js';
import { securityHeaders } from './infrastructure/security-headers.js';
import { webAppStatic } from './infrastructure/web-app-static.js';
import { loggingModule, quietStartUp } from './infrastructure/logging.js';
import { ApiMetrics, metricsEndpoint } from './infrastructure/metrics.js';
import { requestIds } from './infrastructure/request-id.js';
import { traceIdOfLogLine, traceRequests } from './infrastructure/tracing.js';

/** The API's features, each a module with its controllers. */
export const FEATURE_MODULES = [ObligationsModule, AccessModule, AuthModule, HealthModule, CasesModule, CareModule, EscalationsModule, DeadlinePolicyModule, NotificationsModule, ReportsModule, RegistriesModule, DashboardsModule, PlacesModule, PeopleModule, DeliveriesModule, CodecModule, AccessLogModule, ImportsModule, PartnersModule, InterventionsModule, DuplicatesModule, LegacyImportsModule, RecordsDestructionModule, DocumentsModule, PrivacyModule];

@Module({})
class AppModule {
  static forRoot(config: RakshaConfig, logger: PinoLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [loggingModule(logger), InfrastructureModule.forRoot(config), ...FEATURE_MODULES],
      // Order matters: a flood is turned away before any token is checked.
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}

/** The web app as `vite build` leaves it (apps/web); served at /app/ when built. */
const WEB_APP_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppOptions {
  /** Parse every JSON answer with its route's published schema and fail the request when it does not parse (tests). */
  checkResponses?: boolean;
  /** Where the API's log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** Builds the API as both `main.ts` and the integration tests run it. */
export async function createApp(config: RakshaConfig, options: AppOptions = {}): Promise<INestApplication> {
  requireTokenSecret(config);
  requireDataKeys(config);
  const logger = createLogger(config.logLevel, 'api', options.logDestination, config.observability.traces.exporter === 'none' ? undefined : traceIdOfLogLine);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(quietStartUp(app.get(Logger)));
  // First: every later step (logs, traces, Temporal calls) knows the request's id.
  app.use(requestIds);
  if (config.observability.traces.exporter !== 'none') app.use(traceRequests);
  const metrics = app.get(ApiMetrics);
  app.use(metrics.timeRequests);
  app.use('/metrics', metricsEndpoint(metrics, config.observability.metricsToken));
  app.useBodyParser('json', jsonBodyOptions);
  // OAuth 2.0 token requests are form-encoded (RFC 6749 s.4.4.2); no other route takes a form.
  app.use('/oauth/token', urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 }));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(securityHeaders(config.hstsMaxAgeSeconds));
  app.use('/codec', codecCors(config.temporal.uiUrl));
  if (existsSync(WEB_APP_DIST)) {
    app.use('/app', webAppStatic(WEB_APP_DIST));
  }
  app.useGlobalPipes(new SchemaValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new RequestDeadline());
  if (options.checkResponses) app.useGlobalInterceptors(new ResponseContractInterceptor());
  app.enableShutdownHooks();
  const openApi = withProblemResponses(withResponseSchemas(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Raksha API')
      .setDescription('Case engine for child protection under the Juvenile Justice (Care and Protection of Children) Act 2015')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addOAuth2(
        {
          type: 'oauth2',
          description: 'Partner systems (issue #19): OAuth 2.0 client credentials (RFC 6749 s.4.4); the client authenticates by HTTP Basic or in the form',
          flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { ...PARTNER_SCOPES } } },
        },
        PARTNER_SECURITY_SCHEME,
      )
      .build(),
  )), publicOperations(FEATURE_MODULES.flatMap((m) => (Reflect.getMetadata('controllers', m) ?? []) as never[])));
  SwaggerModule.setup('docs', app, openApi, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
