import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalidInput } from './domain-errors.js';

/**
 * Validates every `@Body({ schema })` / `@Param('id', { schema })` with its Standard Schema (zod);
 * a failure names each failing field, a path parameter by its own name.
 */
@Injectable()
export class SchemaValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema = metadata.schema;
    if (!schema) return value;
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    const prefix = metadata.type === 'body' ? [] : metadata.data ? [metadata.data] : [];
    throw invalidInput(
      result.issues.flatMap((issue) => {
        const path = [...prefix, ...(issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p))];
        // An unknown field (strict schemas) is named by its own path, not its parent's.
        const unknownKeys = (issue as { code?: string; keys?: string[] }).code === 'unrecognized_keys' ? ((issue as { keys?: string[] }).keys ?? []) : [];
        if (unknownKeys.length) return unknownKeys.map((key) => ({ field: [...path, key].join('.'), message: 'not a field this request takes' }));
        return [{ field: path.join('.') || '(body)', message: issue.message }];
      }),
    );
  }
}
