// The CSV reader and writer live in contracts, shared with the legacy import (worker and command line).
export { CsvSyntaxError, csvCell, csvLine, parseCsv, type CsvRecord } from '@raksha/contracts';
