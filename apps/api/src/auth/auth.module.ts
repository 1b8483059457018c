import { Module } from '@nestjs/common';
import { requireDataKeys, type RakshaConfig } from '@raksha/config';
import { Sealer, SecondStepRepository, SessionRepository, UserRepository, type Db } from '@raksha/db';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PrincipalResolver } from './principal.js';
import { SecondStepController } from './second-step.controller.js';
import { SecondStepService, TOTP_SEALER } from './second-step.service.js';
import { TokenService } from './token.service.js';

/** Sign-in, its second step (TOTP) and sessions; provides the PrincipalResolver the global AuthGuard authenticates requests with. */
@Module({
  controllers: [AuthController, SecondStepController],
  providers: [
    { provide: UserRepository, inject: [DB], useFactory: (db: Db) => new UserRepository(db) },
    { provide: SessionRepository, inject: [DB], useFactory: (db: Db) => new SessionRepository(db) },
    { provide: SecondStepRepository, inject: [DB], useFactory: (db: Db) => new SecondStepRepository(db) },
    { provide: TOTP_SEALER, inject: [RAKSHA_CONFIG], useFactory: (config: RakshaConfig) => new Sealer(requireDataKeys(config)) },
    TokenService,
    AuthService,
    SecondStepService,
    LoginThrottle,
    { provide: PrincipalResolver, useExisting: AuthService },
  ],
  exports: [AuthService, PrincipalResolver],
})
export class AuthModule {}
