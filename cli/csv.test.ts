/** @jest-environment node */
import { csvToRequest, parseCsv } from './csv';
import { BadInputError } from './exitCodes';

describe('parseCsv', () => {
  it('handles quoted fields with commas, doubled quotes and line breaks, keeping line numbers', () => {
    const recs = parseCsv('time,"a, b","say ""hi"""\n1,"2",3\n\n2,"multi\nline",4\n');
    expect(recs.map((r) => r.cells)).toEqual([
      ['time', 'a, b', 'say "hi"'],
      ['1', '2', '3'],
      ['2', 'multi\nline', '4'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('reads CRLF line ends and a byte-order mark', () => {
    expect(parseCsv('\uFEFFtime,a\r\n1,2\r\n').map((r) => r.cells)).toEqual([
      ['time', 'a'],
      ['1', '2'],
    ]);
  });
  it('refuses a quoted field that is never closed, naming its line', () => {
    expect(() => parseCsv('time,a\n1,"2\n3,4\n')).toThrow(
      new BadInputError('CSV line 2: a quoted field is never closed')
    );
  });
  it('refuses stray quotes inside or after a field', () => {
    expect(() => parseCsv('time,a\n1,2"x\n')).toThrow(/CSV line 2: a quote inside a field/);
    expect(() => parseCsv('time,a\n1,"2"x\n')).toThrow(/CSV line 2: text after a closing quote/);
  });
});

describe('csvToRequest', () => {
  it('handles numeric seconds, quotes and empty cells', () => {
    const req = csvToRequest('ts,"a b",c\n1,1,\n2,2,5\n', 'ts', 's');
    expect(req.series.map((s) => s.id)).toEqual(['a b', 'c']);
    expect(req.series[0].timestamps).toEqual([1000, 2000]);
    expect(req.series[1].values).toEqual([null, 5]);
  });
  it('a quoted value with a comma stays one cell of its column', () => {
    const req = csvToRequest('time,"cpu, total",mem\n0,"1",2\n1000,3,4\n', undefined, 'ms');
    expect(req.series.map((s) => [s.id, s.values])).toEqual([
      ['cpu, total', [1, 3]],
      ['mem', [2, 4]],
    ]);
  });
  it('ragged rows: a row with fewer cells than the header is refused with its line, not cut', () => {
    expect(() => csvToRequest('time,a,b\n0,1,2\n1000,3\n', undefined, 'ms')).toThrow(
      /CSV line 3 has 2 cells but the header \(line 1\) has 3/
    );
  });
  it('ragged rows: a row with more cells than the header (an unquoted comma) is refused with its line', () => {
    expect(() => csvToRequest('time,a\n0,1\n\n1000,1,5\n', undefined, 'ms')).toThrow(
      /CSV line 4 has 3 cells but the header \(line 1\) has 2/
    );
  });
  it('refuses empty input, a header without rows and an unknown time column', () => {
    expect(() => csvToRequest('\n\n', undefined, 'ms')).toThrow('CSV input is empty');
    expect(() => csvToRequest('time,a\n', undefined, 'ms')).toThrow('no data rows');
    expect(() => csvToRequest('t,a\n1,2\n', 'time', 'ms')).toThrow("CSV has no time column 'time' (columns: t, a)");
  });
  it('refuses a time it cannot read instead of guessing (naming the line)', () => {
    expect(() => csvToRequest('time,a\n0,1\n06/01/2024 10:00,2\n', undefined, 'ms')).toThrow(
      /CSV line 3: time '06\/01\/2024 10:00' is neither a number/
    );
  });
});
