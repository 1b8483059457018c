import { Controller, Get, HttpCode, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { caseIdParam, documentIdParam, UPLOAD_KINDS } from '@raksha/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { DocumentsService } from './documents.service.js';
import { DocumentUploadInterceptor, type UploadedFile } from './upload.interceptor.js';

@ApiTags('case documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('cases/:id/documents')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "The case's documents: each order's PDF (English and Hindi) and the reports uploaded to it, oldest first; the read is audited" })
  list(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string) {
    return this.documents.list(principal, id);
  }

  @Post('cases/:id/documents')
  @HttpCode(201)
  @RequirePermission('document:upload')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'title', 'file'],
      properties: { kind: { type: 'string', enum: [...UPLOAD_KINDS] }, title: { type: 'string', minLength: 3, maxLength: 200 }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: 'Upload a report to the case (SIR, medical, age determination, other): a PDF, JPEG or PNG known by its bytes; medical and age-determination reports sealed at rest' })
  upload(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Req() req: Request & { file?: UploadedFile }) {
    return this.documents.upload(principal, id, req.body, req.file);
  }

  @Get('cases/:id/documents/:docId')
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'The document itself (a PDF, JPEG or PNG); the read is audited' })
  async file(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Param('docId', { schema: documentIdParam }) docId: string, @Res() res: Response) {
    const f = await this.documents.file(principal, id, docId);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${f.filename}"`);
    res.type(f.contentType).send(f.bytes);
  }

  @Get('cases/:id/documents/:docId/verify')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "The document's SHA-256 recomputed from the stored file and compared with the audit chain's record of it" })
  verify(@CurrentPrincipal() principal: Principal, @Param('id', { schema: caseIdParam }) id: string, @Param('docId', { schema: documentIdParam }) docId: string) {
    return this.documents.verify(principal, id, docId);
  }
}
