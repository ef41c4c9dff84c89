import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '@/lib/csv';
import { parseCsv } from '@/test/helpers/csv';

describe('CSV cells', () => {
  it('leave plain text, numbers and dates as they are', () => {
    expect(csvCell('Thunderbird/140.0')).toBe('Thunderbird/140.0');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(new Date('2025-03-01T08:00:00.000Z'))).toBe('2025-03-01T08:00:00.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quote commas, double quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('Dubois, Léa')).toBe('"Dubois, Léa"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
  });

  it('neutralise what a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://x.example","y")')).toBe(
      `"'=HYPERLINK(""http://x.example"",""y"")"`,
    );
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('records end with CRLF and read back to the same values', () => {
    const values = ['a,b', 'c"d', 'e\r\nf', '', '=g', 'plain'];
    const text = csvRow(values) + csvRow(['x']);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['a,b', 'c"d', 'e\r\nf', '', "'=g", 'plain'], ['x']]);
  });
});
