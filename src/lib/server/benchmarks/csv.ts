/** One record of a CSV file with the line it starts on (1 for the header). */
export interface CsvRecord {
	line: number;
	fields: string[];
}

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes (`""` for a quote,
 * line breaks allowed inside quotes), LF or CRLF line ends, a UTF-8 BOM ignored. Blank lines
 * are skipped. Throws on an unterminated quote, naming its line.
 */
export function parseCsv(text: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const endRecord = () => {
		fields.push(field);
		if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
		fields = [];
		field = '';
	};
	for (let i = 0; i < src.length; i++) {
		const ch = src[i]!;
		if (quoted) {
			if (ch === '"' && src[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else {
				if (ch === '\n') line++;
				field += ch;
			}
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') {
			fields.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && src[i + 1] === '\n') i++;
			endRecord();
			start = ++line;
		} else field += ch;
	}
	if (quoted) throw new Error(`line ${start}: a quoted field is not closed`);
	endRecord();
	return records;
}

/** A CSV field, quoted when it must be. */
export function csvField(value: string | number | boolean): string {
	const s = String(value);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
