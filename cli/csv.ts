/**
 * CSV input: RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks), then one series
 * per column next to a time column. Every malformed row is refused with its line number: a row cut or padded
 * silently would shift values onto the wrong series or the wrong time.
 */
import type { AnalyzeRequest, SeriesInput } from '../src/stats';
import { BadInputError } from './exitCodes';
import { parseTimeCell, type TimeUnit } from './timestamps';

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Cells, trimmed, quotes removed. */
  cells: string[];
}

/** Splits CSV text into records; blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let closedQuote = false;
  let recordHadQuote = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(cell.trim());
    cell = '';
    closedQuote = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '' || recordHadQuote) {
      records.push({ line: recordLine, cells });
    }
    cells = [];
    recordHadQuote = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
        closedQuote = true;
      } else {
        line += ch === '\n' ? 1 : 0;
        cell += ch;
      }
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else if (ch === '\r' && src[i + 1] === '\n') {
      continue;
    } else if (ch === '"') {
      if (closedQuote || cell.trim() !== '') {
        throw new BadInputError(
          `CSV line ${line}: a quote inside a field; quote the whole field and double the quotes inside ("a ""b"" c")`
        );
      }
      inQuotes = true;
      recordHadQuote = true;
      cell = '';
    } else if (closedQuote && ch.trim() !== '') {
      throw new BadInputError(`CSV line ${line}: text after a closing quote; quote the whole field`);
    } else {
      cell += ch;
    }
  }
  if (inQuotes) {
    throw new BadInputError(`CSV line ${recordLine}: a quoted field is never closed`);
  }
  endRecord();
  return records;
}

/**
 * CSV with a header row -> AnalyzeRequest with one series per column other than the time column
 * (`timeColumn`, else "time", else the first column).
 */
export function csvToRequest(text: string, timeColumn: string | undefined, timeUnit: TimeUnit): AnalyzeRequest {
  const [head, ...rows] = parseCsv(text);
  if (!head) {
    throw new BadInputError('CSV input is empty');
  }
  const header = head.cells;
  let tIdx = header.indexOf(timeColumn ?? 'time');
  if (tIdx < 0) {
    if (timeColumn !== undefined) {
      throw new BadInputError(`CSV has no time column '${timeColumn}' (columns: ${header.join(', ')})`);
    }
    tIdx = 0;
  }
  if (rows.length === 0) {
    throw new BadInputError(`CSV has a header (line ${head.line}) but no data rows`);
  }
  const timestamps: Array<number | null> = [];
  const cols: Array<Array<number | null>> = header.map(() => []);
  for (const { line, cells } of rows) {
    if (cells.length !== header.length) {
      throw new BadInputError(
        `CSV line ${line} has ${cells.length} cells but the header (line ${head.line}) has ${header.length}; ` +
          'quote fields that contain commas and give every row one cell per column (empty for missing)'
      );
    }
    timestamps.push(parseTimeCell(cells[tIdx], timeUnit, `CSV line ${line}`));
    cells.forEach((raw, c) => {
      if (c !== tIdx) {
        const v = raw === '' ? NaN : Number(raw);
        cols[c].push(Number.isFinite(v) || v === Infinity || v === -Infinity ? v : null);
      }
    });
  }
  const series: SeriesInput[] = header
    .map((id, c) => ({ id, timestamps, values: cols[c] }))
    .filter((_, c) => c !== tIdx);
  return { version: 1, series };
}
