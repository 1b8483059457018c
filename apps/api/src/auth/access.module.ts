import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access.policy.js';
import { ReadAudit } from './read-audit.js';

@Global()
@Module({ providers: [AccessPolicy, ReadAudit], exports: [AccessPolicy, ReadAudit] })
export class AccessModule {}
