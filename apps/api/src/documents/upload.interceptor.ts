import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import type { RakshaConfig } from '@raksha/config';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { invalidField, uploadTooLarge } from '../problem/domain-errors.js';

/** The multipart part an upload's file comes in. */
export const UPLOAD_FILE_FIELD = 'file';

/** An uploaded file as multer leaves it in memory: nothing touches the disk before the file is checked. */
export interface UploadedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Reads a multipart upload into memory, one file at most and at most DOCUMENT_UPLOAD_MAX_BYTES, a few short fields;
 * what exceeds a limit is refused as problem+json naming the field.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly parse: RequestHandler;
  private readonly max: number;

  constructor(@Inject(RAKSHA_CONFIG) config: RakshaConfig) {
    this.max = config.documents.uploadMaxBytes;
    this.parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: this.max, files: 1, fields: 4, fieldSize: 1024, parts: 6 } }).single(UPLOAD_FILE_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.is('multipart/form-data')) throw invalidField(UPLOAD_FILE_FIELD, 'send the report as multipart/form-data, the file in a part named "file"');
    await new Promise<void>((resolve, reject) => {
      this.parse(req, res, (err?: unknown) => (err ? reject(this.refusal(err)) : resolve()));
    });
    return next.handle();
  }

  private refusal(err: unknown): unknown {
    if (!(err instanceof multer.MulterError)) return invalidField(UPLOAD_FILE_FIELD, 'the multipart body could not be read');
    if (err.code === 'LIMIT_FILE_SIZE') return uploadTooLarge(err.field ?? UPLOAD_FILE_FIELD, this.max);
    if (err.code === 'LIMIT_UNEXPECTED_FILE') return invalidField(err.field ?? UPLOAD_FILE_FIELD, 'one file only, in the part named "file"');
    return invalidField(err.field ?? UPLOAD_FILE_FIELD, err.message);
  }
}
