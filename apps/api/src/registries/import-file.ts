import { IMPORT_LIMITS, type ImportRejection } from '@raksha/contracts';
import { importRejected, importTooLarge } from '../problem/domain-errors.js';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.js';

/** What an import file must look like: the columns it may have, those it must have, and where its template is. */
export interface ImportFileShape {
  columns: readonly string[];
  required: readonly string[];
  /** the route that gives the template, named in the refusals */
  template: string;
  /** more rows than IMPORT_LIMITS.rows, for an import written by a job (a state's police stations) */
  maxRows?: number;
}

/**
 * An import file's header and rows, after the checks every CSV import makes (size, RFC 4180, the header's
 * columns, at least one row): a refusal names the line and column, as for bad rows.
 */
export function readImportFile(csv: string, shape: ImportFileShape): { columns: string[]; rows: CsvRecord[] } {
  if (Buffer.byteLength(csv) > IMPORT_LIMITS.bytes) throw importTooLarge(`the file is over ${IMPORT_LIMITS.bytes} bytes; split it`, IMPORT_LIMITS);
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw importRejected(0, [{ row: err.line, reason: `not valid CSV (RFC 4180): ${err.message}` }]);
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) throw importRejected(0, [{ row: 1, reason: `the file is empty: start with the header line (GET ${shape.template})` }]);
  const maxRows = shape.maxRows ?? IMPORT_LIMITS.rows;
  if (rows.length > maxRows) throw importTooLarge(`the file has ${rows.length} rows, more than ${maxRows}; split it`, { ...IMPORT_LIMITS, rows: maxRows });
  const columns = header.fields.map((f) => f.trim());
  const headerProblems = checkHeader(columns, header.line, shape);
  if (headerProblems.length) throw importRejected(rows.length, headerProblems);
  if (rows.length === 0) throw importRejected(0, [{ row: header.line + 1, reason: 'the file has no rows under the header' }]);
  return { columns, rows };
}

function checkHeader(columns: string[], line: number, shape: ImportFileShape): ImportRejection[] {
  const problems: ImportRejection[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    if (!shape.columns.includes(c)) problems.push({ row: line, column: c, reason: `unknown column "${c}"; the columns are those of GET ${shape.template}` });
    else if (seen.has(c)) problems.push({ row: line, column: c, reason: `column ${c} appears twice` });
    seen.add(c);
  }
  for (const c of shape.required) if (!seen.has(c)) problems.push({ row: line, column: c, reason: `the required column ${c} is missing` });
  return problems;
}
