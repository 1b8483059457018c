import { Module } from '@nestjs/common';
import { DeadlinePolicyController } from './deadline-policy.controller.js';
import { DeadlinePolicyService } from './deadline-policy.service.js';

@Module({ controllers: [DeadlinePolicyController], providers: [DeadlinePolicyService], exports: [DeadlinePolicyService] })
export class DeadlinePolicyModule {}
