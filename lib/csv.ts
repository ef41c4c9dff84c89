// CSV as RFC 4180 reads it: fields separated by commas, records by CRLF, a field quoted when it
// holds a comma, a double quote (doubled inside) or a line break.
//
// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
// strip first) as a formula: a user agent such as `=HYPERLINK(...)` sent by anyone who fetches a
// feed would run in the admin's spreadsheet. Such cells get a leading apostrophe (OWASP's advice),
// which spreadsheets show as text.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF line ending. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
