import { Module } from '@nestjs/common';
import { RecordsDestructionRepository, type Db } from '@raksha/db';
import { CasesModule } from '../cases/cases.module.js';
import { DB } from '../infrastructure/tokens.js';
import { RecordsDestructionController } from './records-destruction.controller.js';
import { RecordsDestructionService } from './records-destruction.service.js';
import { RetentionController } from './retention.controller.js';

@Module({
  imports: [CasesModule],
  controllers: [RecordsDestructionController, RetentionController],
  providers: [RecordsDestructionService, { provide: RecordsDestructionRepository, inject: [DB], useFactory: (db: Db) => new RecordsDestructionRepository(db) }],
})
export class RecordsDestructionModule {}
