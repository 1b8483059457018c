import { Injectable, type OnModuleInit } from '@nestjs/common';
import { csvLine, describeIssues, type ImportJobView, type ImportOutcome, type ImportRejection, inviteBody, type InviteBody, PEOPLE_IMPORT_COLUMNS, PEOPLE_IMPORT_REQUIRED } from '@raksha/contracts';
import { BodyRosterRepository, PeopleRepository, type BodyRosterRecord } from '@raksha/db';
import { administers, mayGrantRole, roleFitsBody, type BodyType } from '@raksha/domain';
import type { Principal } from '../auth/principal.js';
import { ImportJobsService } from '../imports/import-jobs.service.js';
import { DomainError, importRejected } from '../problem/domain-errors.js';
import { readImportFile } from '../registries/import-file.js';
import { InvitationsService } from './invitations.service.js';

/** A checked row: the invitation it stands for, and its line for a refusal while writing. */
interface PersonRow {
  line: number;
  invite: InviteBody;
}

const HEAD_WORDS: Record<string, boolean> = { '': false, yes: true, no: false, true: true, false: false, y: true, n: false };

/**
 * People invited in bulk from CSV, along the path of the other imports: every row checked first (a dry run stores
 * nothing; any bad row refuses the file, naming it), then each row invited through the invitation service, which
 * sends the person their link. Idempotent by email: a person already invited to the same body and role is left as
 * they are (no second email), so a file imported twice, or a job resumed after a crash, invites nobody twice.
 */
@Injectable()
export class PeopleImportService implements OnModuleInit {
  constructor(
    private readonly people: PeopleRepository,
    private readonly bodies: BodyRosterRepository,
    private readonly invitations: InvitationsService,
    private readonly imports: ImportJobsService,
  ) {}

  onModuleInit(): void {
    this.imports.register('PEOPLE', { inline: 50, chunk: 25, write: (principal, rows) => this.write(principal, rows as PersonRow[]) });
  }

  template(): string {
    return `${csvLine(PEOPLE_IMPORT_COLUMNS)}\r\n`;
  }

  async import(principal: Principal, csv: string, dryRun: boolean): Promise<ImportOutcome | ImportJobView> {
    const { columns, rows } = readImportFile(csv, { columns: PEOPLE_IMPORT_COLUMNS, required: PEOPLE_IMPORT_REQUIRED, template: '/people/import/template' });
    const rejected: ImportRejection[] = [];
    const parsed: PersonRow[] = [];
    const firstLineOf = new Map<string, number>();
    for (const { line, fields } of rows) {
      if (fields.length !== columns.length) {
        rejected.push({ row: line, reason: `the line has ${fields.length} fields, the header ${columns.length}`, key: 'import.fieldCount', params: { fields: fields.length, columns: columns.length } });
        continue;
      }
      const cell = (c: string) => (fields[columns.indexOf(c)] ?? '').trim();
      const head = HEAD_WORDS[cell('head').toLowerCase()];
      if (head === undefined) rejected.push({ row: line, column: 'head', reason: 'yes or no (or empty: no)', key: 'import.yesNo' });
      const result = inviteBody.safeParse({
        email: cell('email'),
        displayName: cell('displayName'),
        bodyId: cell('bodyId'),
        role: cell('role'),
        ...(cell('mobile') && { mobile: cell('mobile') }),
        ...(head && { head }),
      });
      if (!result.success) {
        for (const issue of result.error.issues) {
          const { message, key, params } = describeIssues([issue])[0]!;
          rejected.push({ row: line, column: String(issue.path[0] ?? 'row'), reason: message, ...(key && { key }), ...(params && { params }) });
        }
        continue;
      }
      if (head === undefined) continue;
      const first = firstLineOf.get(result.data.email);
      if (first !== undefined) {
        rejected.push({ row: line, column: 'email', reason: `${result.data.email} is also on line ${first}`, key: 'import.sameKeyAbove', params: { line: first } });
        continue;
      }
      firstLineOf.set(result.data.email, line);
      parsed.push({ line, invite: result.data });
    }

    // Bodies: known, active, administered by the importer; the role one the importer may give and the body may hold.
    const bodies = new Map<string, BodyRosterRecord | null>();
    for (const id of new Set(parsed.map((p) => p.invite.bodyId))) bodies.set(id, await this.bodies.findById(id));
    const valid: PersonRow[] = [];
    for (const p of parsed) {
      const body = bodies.get(p.invite.bodyId);
      const problem = !body || !principal.body || !administers(principal.body, body)
        ? { column: 'bodyId', reason: `no body ${p.invite.bodyId} in your jurisdiction`, key: 'import.noBody' }
        : body.deactivatedAt
          ? { column: 'bodyId', reason: `${body.id} is deactivated`, key: 'import.bodyDeactivated' }
          : !mayGrantRole(principal.roles, p.invite.role)
            ? { column: 'role', reason: `your role may not give the role ${p.invite.role}`, key: 'import.roleNotYours' }
            : !roleFitsBody(p.invite.role, body.type as BodyType)
              ? { column: 'role', reason: `a ${p.invite.role} does not belong to a ${body.type}`, key: 'import.roleNotForBody' }
              : undefined;
      if (problem) rejected.push({ row: p.line, ...problem });
      else valid.push(p);
    }

    // The key: an email already on record is the same person. In the same body and role they are left as they are;
    // anywhere else, the row is refused (moving a person is its own act, POST /people/:id/move).
    const existing = new Map((await this.people.findByEmails(valid.map((v) => v.invite.email))).map((p) => [p.email, p]));
    const toInvite: PersonRow[] = [];
    for (const v of valid) {
      const person = existing.get(v.invite.email);
      if (!person) toInvite.push(v);
      else if (person.bodyId !== v.invite.bodyId || !person.roles.includes(v.invite.role)) {
        rejected.push({ row: v.line, column: 'email', reason: `${v.invite.email} has an account already, in ${person.bodyId ?? 'no body'}; move that person instead`, key: 'import.accountElsewhere' });
      }
    }

    if (rejected.length) throw importRejected(rows.length, rejected.sort((a, b) => a.row - b.row));
    const ids = valid.map((v) => v.invite.email);
    if (dryRun) return { dryRun: true, imported: 0, valid: valid.length, ids };
    const written = await this.imports.write(principal, 'PEOPLE', toInvite, { valid: valid.length, ids });
    return 'job' in written ? written.job : written.outcome;
  }

  /** Invites each row's person, unless they are on record already (a rerun, a resumed job). */
  private async write(principal: Principal, rows: PersonRow[]): Promise<{ imported: number; rejected: ImportRejection[] }> {
    const existing = new Set((await this.people.findByEmails(rows.map((r) => r.invite.email))).map((p) => p.email));
    let imported = 0;
    const rejected: ImportRejection[] = [];
    for (const row of rows) {
      if (existing.has(row.invite.email)) continue;
      try {
        await this.invitations.invite(principal, row.invite);
        imported++;
      } catch (err) {
        // Changed since the check (the email taken by another import, the body deactivated): this row only.
        if (!(err instanceof DomainError)) throw err;
        // Kept with the job after its rows are dropped: the line and column say which, without the email itself.
        rejected.push(err.slug === 'email-taken' ? { row: row.line, column: 'email', reason: 'has an account already', key: 'import.accountElsewhere' } : { row: row.line, column: 'bodyId', reason: err.message });
      }
    }
    return { imported, rejected };
  }
}
