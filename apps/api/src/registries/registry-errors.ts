// The registries' own domain errors; ProblemDetailsFilter turns them into problem+json like any other.
import { DomainError } from '../problem/domain-errors.js';
import type { ImportRejection } from '@raksha/contracts';

export class BodyNotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'body-not-found';
  readonly title = 'No such body in your jurisdiction';
  constructor(id: string) {
    super(`body ${id} does not exist`);
  }
}

export class InstitutionExists extends DomainError {
  readonly status = 409;
  readonly slug = 'institution-exists';
  readonly title = 'A body with this id exists already';
  constructor(readonly id: string) {
    super(`${id} is taken; give the institution an id of its own (/^[A-Z0-9-]+$/)`);
  }
  override extensions() {
    return { id: this.id };
  }
}

export class StaleRegistryVersion extends DomainError {
  readonly status = 409;
  readonly slug = 'stale-version';
  readonly title = 'The record changed since you read it; read it again and retry';
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`If-Match "${expectedVersion}" but the record is at version "${currentVersion}"`);
  }
  override extensions() {
    return { currentVersion: this.currentVersion };
  }
}

export class PreconditionRequired extends DomainError {
  readonly status = 428;
  readonly slug = 'precondition-required';
  readonly title = 'Send If-Match with the ETag you read';
  constructor() {
    super('a change to an institution needs If-Match: the ETag of GET /institutions/:id, so no one else’s change is overwritten');
  }
}

export class ImportRejected extends DomainError {
  readonly status = 422;
  readonly slug = 'import-rejected';
  readonly title = 'Some rows of the file are not valid; nothing was imported';
  constructor(
    readonly rows: number,
    readonly rejected: ImportRejection[],
  ) {
    super(`${new Set(rejected.map((r) => r.row)).size} of ${rows} rows are not valid`);
  }
  override extensions() {
    return { rows: this.rows, rejected: this.rejected };
  }
}

export class ImportTooLarge extends DomainError {
  readonly status = 413;
  readonly slug = 'import-too-large';
  readonly title = 'The file is too large to import at once';
  constructor(
    message: string,
    readonly limits: { bytes: number; rows: number },
  ) {
    super(message);
  }
  override extensions() {
    return { limits: this.limits };
  }
}

export class UnsupportedMediaType extends DomainError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  readonly title = 'Send the file as text/csv, or as JSON {"csv": "..."}';
}
