import { Module } from '@nestjs/common';
import { SessionRepository, UserRepository, type Db } from '@raksha/db';
import { DB } from '../infrastructure/tokens.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PrincipalResolver } from './principal.js';
import { TokenService } from './token.service.js';

/** Sign-in and sessions; provides the PrincipalResolver the global AuthGuard authenticates requests with. */
@Module({
  controllers: [AuthController],
  providers: [
    { provide: UserRepository, inject: [DB], useFactory: (db: Db) => new UserRepository(db) },
    { provide: SessionRepository, inject: [DB], useFactory: (db: Db) => new SessionRepository(db) },
    TokenService,
    AuthService,
    LoginThrottle,
    { provide: PrincipalResolver, useExisting: AuthService },
  ],
  exports: [AuthService, PrincipalResolver],
})
export class AuthModule {}
