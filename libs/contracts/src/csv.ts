// A small RFC 4180 reader and writer: comma-separated, double-quoted fields that may hold commas,
// quotes ("") and line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is ignored.
import { startsLikeFormula } from './shared.js';

export interface CsvRecord {
  /** the 1-based line of the file the record starts on (a quoted line break makes a record span lines) */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses the whole text; blank lines are skipped, a malformed quote is a CsvSyntaxError naming its line. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote: "")');
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' && src[i + 1] === '\n') {
      // CRLF: the LF ends the record
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (wasQuoted) throw new CsvSyntaxError(line, 'text after the closing quote of a field');
      field += c;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  endRecord();
  return records;
}

/** A number as the API writes it: a sign is not a formula. */
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One cell as a spreadsheet will read it: text that starts like a formula gets a leading ' and is quoted, so
 * it shows as the text it is (OWASP's guidance on CSV injection); a field holding " , or a line break is quoted.
 */
export function csvCell(value: string): string {
  const text = startsLikeFormula(value) && !NUMBER.test(value) ? `'${value}` : value;
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (no line break at the end): every CSV the API writes is written by this function. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvCell).join(',');
}
