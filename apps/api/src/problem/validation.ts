import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { describeIssues } from '@raksha/contracts';
import { invalidInput } from './domain-errors.js';

/**
 * Validates every `@Body({ schema })` / `@Param('id', { schema })` with its Standard Schema (zod);
 * a failure names each failing field (a path parameter by its own name) in plain words, with a message key.
 */
@Injectable()
export class SchemaValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema = metadata.schema;
    if (!schema) return value;
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    const prefix = metadata.type === 'body' ? [] : metadata.data ? [metadata.data] : [];
    throw invalidInput(describeIssues(result.issues, prefix));
  }
}
