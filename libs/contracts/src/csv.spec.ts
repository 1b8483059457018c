import { describe, expect, it } from '@jest/globals';
import { csvCell, csvLine, parseCsv } from './csv.js';

describe('CSV cells a spreadsheet opens (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Open")', `"'=HYPERLINK(""http://evil.example"",""Open"")"`],
    ['+1+cmd|/C calc!A0', `"'+1+cmd|/C calc!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises %j: it reads back as the text it was, behind a quote', (value, written) => {
    expect(csvCell(value)).toBe(written);
    expect(parseCsv(csvLine([value, 'next']))[0]!.fields).toEqual([`'${value}`, 'next']);
  });

  it('leaves numbers, plain text and inner signs alone', () => {
    expect(csvLine(['-3', '+4', '12.5', 'Home for Boys', 'A=B', 'x@y', 'Jaipur, Rajasthan'])).toBe('-3,+4,12.5,Home for Boys,A=B,x@y,"Jaipur, Rajasthan"');
  });
});
