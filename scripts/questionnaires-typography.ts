/**
 * `npm run questionnaires:typography -- <file>…`: puts a no-break space (U+202F) before
 * « : ; ? ! » » and after « « » in the French texts of questionnaire files, in place. Only those
 * spaces change: comments, layout, English texts and links stay as they are. Prints what it
 * did and what is left to fix by hand (exit code 1 then).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { repairTypography } from '../src/lib/server/catalog/typography.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('usage: npm run questionnaires:typography -- <questionnaires/<id>/v<N>.yaml>…');
	process.exit(2);
}
let left = 0;
for (const file of files) {
	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch (e) {
		console.error(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(2);
	}
	const result = repairTypography(source);
	if (result.fixed > 0) writeFileSync(file, result.text);
	console.log(`${file}: ${result.fixed} space(s) repaired`);
	for (const x of result.left)
		console.error(`${file}:${x.line}:${x.column}: ${x.message} — ${x.excerpt}`);
	left += result.left.length;
}
if (left > 0) {
	console.error(`${left} problem(s) to fix by hand.`);
	process.exit(1);
}
