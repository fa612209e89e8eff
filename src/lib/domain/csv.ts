/** A CSV cell: text, a whole number, or empty. */
export type CsvCell = string | number | null | undefined;

/**
 * One field: quoted when needed, formulas neutralised (a cell starting with = + - @ would be run
 * as a formula by the spreadsheet).
 */
function field(value: CsvCell, separator: string): string {
	if (value === null || value === undefined) return '';
	let s = String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows as CSV for a spreadsheet: UTF-8 with a byte-order mark so that the accents open
 * correctly, CRLF lines, and the separator of the reader's spreadsheet (`;` where the decimal
 * mark is a comma, as in French, `,` otherwise).
 */
export function csvText(rows: readonly (readonly CsvCell[])[], separator: ';' | ','): string {
	return (
		'\uFEFF' +
		rows.map((r) => r.map((c) => field(c, separator)).join(separator)).join('\r\n') +
		'\r\n'
	);
}
