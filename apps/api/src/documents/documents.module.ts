import { Module, type OnModuleInit, Inject } from '@nestjs/common';
import { requireDataKeys, type RakshaConfig } from '@raksha/config';
import { DocumentRepository, Sealer, type Db } from '@raksha/db';
import { DocumentStore, DocumentVault } from '@raksha/documents';
import { AccessModule } from '../auth/access.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DB, RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { DocumentUploadInterceptor } from './upload.interceptor.js';

@Module({
  imports: [CasesModule, AccessModule],
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    DocumentUploadInterceptor,
    { provide: DocumentRepository, inject: [DB, RAKSHA_CONFIG], useFactory: (db: Db, config: RakshaConfig) => new DocumentRepository(db, new Sealer(requireDataKeys(config))) },
    { provide: DocumentStore, inject: [RAKSHA_CONFIG], useFactory: (config: RakshaConfig) => new DocumentStore(config.documents.dir) },
    {
      provide: DocumentVault,
      inject: [DocumentRepository, DocumentStore, RAKSHA_CONFIG],
      useFactory: (documents: DocumentRepository, store: DocumentStore, config: RakshaConfig) => new DocumentVault(documents, store, new Sealer(requireDataKeys(config))),
    },
  ],
})
export class DocumentsModule implements OnModuleInit {
  constructor(@Inject(DocumentStore) private readonly store: DocumentStore) {}

  /** The directory exists before the first upload (npm start and the tests create what they need). */
  async onModuleInit(): Promise<void> {
    await this.store.ensure();
  }
}
