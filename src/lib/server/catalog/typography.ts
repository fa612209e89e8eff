import { isMap, isPair, isScalar, parseDocument, visit } from 'yaml';

/**
 * French typography of the questionnaire texts: a no-break space (U+202F or U+00A0) before
 * « : ; ? ! » » and after « « ». Checked and repaired on the file's text, inside the French
 * values (`fr:`) only, so that keys, English texts, comments and layout stay as they are.
 * Not flagged: links (`https://…?x=1`, `www.…`), times and ratios (`10:00`, `1:2`), and
 * punctuation following another (`?!`) or opening a text.
 */

/** The no-break space the repair writes: narrow (U+202F), as the rest of the project. */
export const NO_BREAK = '\u202f';
const NO_BREAKS = new Set(['\u202f', '\u00a0']);
const BEFORE = new Set([':', ';', '?', '!', '»']);

export interface TypographyIssue {
	/** 1-based line and column of the punctuation in the file. */
	line: number;
	column: number;
	/** The line's text around the punctuation, for the message. */
	excerpt: string;
	message: string;
	/** What the repair does, or undefined when it cannot (e.g. punctuation opening a line). */
	fix?: { offset: number; remove: number; insert: string };
}

/** Source ranges [start, end) of every French text value (`fr: …`) of a YAML document. */
export function frenchRanges(source: string): [number, number][] {
	const doc = parseDocument(source, { keepSourceTokens: true });
	const ranges: [number, number][] = [];
	visit(doc, {
		Pair(_, pair, path) {
			const parent = path.at(-1);
			if (!isPair(pair) || !isMap(parent)) return;
			if (isScalar(pair.key) && pair.key.value === 'fr' && isScalar(pair.value)) {
				const r = pair.value.range;
				if (r && typeof pair.value.value === 'string') ranges.push([r[0], r[1]]);
			}
		}
	});
	return ranges.sort((a, b) => a[0] - b[0]);
}

/** Every typography problem of the French texts of a YAML source, in file order. */
export function typographyIssues(source: string): TypographyIssue[] {
	const sourceLines = source.split('\n');
	const issues: TypographyIssue[] = [];
	for (const [start, end] of frenchRanges(source)) {
		const text = source.slice(start, end);
		const skip = linkSpans(text);
		for (let i = 0; i < text.length; i++) {
			const c = text[i]!;
			if (skip[i]) continue;
			let issue: Omit<TypographyIssue, 'line' | 'column' | 'excerpt'> | undefined;
			if (BEFORE.has(c)) issue = before(text, i, start);
			else if (c === '«') issue = after(text, i, start);
			if (!issue) continue;
			const at = start + i;
			const line = source.slice(0, at).split('\n').length;
			const column = at - source.lastIndexOf('\n', at - 1);
			const excerpt = around(sourceLines[line - 1] ?? '', column - 1);
			issues.push({ ...issue, line, column, excerpt });
		}
	}
	return issues;
}

function before(text: string, i: number, base: number) {
	const c = text[i]!;
	const prev = text[i - 1];
	if (prev === undefined || NO_BREAKS.has(prev) || escapedNoBreak(text, i)) return undefined;
	if (i === 1 && (prev === '"' || prev === "'")) return undefined; // the text's opening quote
	if ((c === '?' || c === '!') && (prev === '?' || prev === '!')) return undefined; // « ?! »
	if (c === ':' && /\d/.test(prev) && /\d/.test(text[i + 1] ?? '')) return undefined; // 10:00
	const lineStart = text.lastIndexOf('\n', i - 1) + 1;
	if (lineStart > 0 && text.slice(lineStart, i).trim() === '')
		return { message: `« ${c} » opens a line: put it after its word with a no-break space` };
	if (prev === ' ' || prev === '\t')
		return {
			message: `ordinary space before « ${c} »: use a no-break space (U+202F or U+00A0)`,
			fix: { offset: base + i - 1, remove: 1, insert: NO_BREAK }
		};
	return {
		message: `no space before « ${c} »: add a no-break space (U+202F or U+00A0)`,
		fix: { offset: base + i, remove: 0, insert: NO_BREAK }
	};
}

function after(text: string, i: number, base: number) {
	const next = text[i + 1];
	if (next !== undefined && NO_BREAKS.has(next)) return undefined;
	if (next === ' ' || next === '\t')
		return {
			message: 'ordinary space after « « »: use a no-break space (U+202F or U+00A0)',
			fix: { offset: base + i + 1, remove: 1, insert: NO_BREAK }
		};
	if (text.startsWith('\\u202f', i + 1) || text.startsWith('\\u00a0', i + 1)) return undefined;
	if (
		next === undefined ||
		next === '\n' ||
		next === '\r' ||
		(i + 2 === text.length && (next === '"' || next === "'"))
	)
		return { message: '« « » ends a line or a text: keep it with the word it opens' };
	return {
		message: 'no space after « « »: add a no-break space (U+202F or U+00A0)',
		fix: { offset: base + i + 1, remove: 0, insert: NO_BREAK }
	};
}

/** A double-quoted YAML text may write the space as an escape: `\u202f`, `\u00a0`, `\_`. */
function escapedNoBreak(text: string, i: number): boolean {
	return /\\(?:u202f|u00a0|_)$/i.test(text.slice(Math.max(0, i - 6), i));
}

/** `skip[i]` is true inside a link (`https://…`, `www.…`), where « : » and « ? » are part of it. */
function linkSpans(text: string): boolean[] {
	const skip = new Array<boolean>(text.length).fill(false);
	for (const m of text.matchAll(/(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s"'<>«»]*/gi))
		for (let k = m.index; k < m.index + m[0].length; k++) skip[k] = true;
	return skip;
}

function around(line: string, at: number): string {
	const from = Math.max(0, at - 30);
	const to = Math.min(line.length, at + 10);
	return (from > 0 ? '…' : '') + line.slice(from, to).trim() + (to < line.length ? '…' : '');
}

/**
 * The source with every repairable issue fixed (only those spaces change), and the issues left
 * for a person. Idempotent: repairing a repaired text changes nothing.
 */
export function repairTypography(source: string): {
	text: string;
	fixed: number;
	left: TypographyIssue[];
} {
	const issues = typographyIssues(source);
	const fixes = issues.flatMap((x) => (x.fix ? [x.fix] : [])).sort((a, b) => b.offset - a.offset);
	let text = source;
	for (const f of fixes)
		text = text.slice(0, f.offset) + f.insert + text.slice(f.offset + f.remove);
	return { text, fixed: fixes.length, left: issues.filter((x) => !x.fix) };
}
