/**
 * `npm run questionnaires:check [folder]`: validates every questionnaire file (schema, coherence,
 * versions, obligations asked once) and, from version 2 on, the French typography (no-break
 * spaces); prints every problem as `file:line: path.to.field: message`. Exit code 1 on any.
 */
import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { formatProblem, loadCatalog } from '../src/lib/server/catalog/load.ts';
import { typographyIssues } from '../src/lib/server/catalog/typography.ts';

const dir = resolve(process.argv[2] ?? 'questionnaires');
let result;
try {
	result = loadCatalog(dir);
} catch (e) {
	console.error(
		`questionnaires:check: cannot read ${dir}: ${e instanceof Error ? e.message : String(e)}`
	);
	process.exit(2);
}
const problems = result.problems.map((p) => ({ file: p.file, text: formatProblem(p) }));

// Typography: files from version 2 on (by their name); version 1 files are published and frozen.
const fileVersion = (file: string) => Number(basename(file).match(/^v(\d+)\./)?.[1] ?? 0);
const exempt = result.files.filter((f) => fileVersion(f) < 2);
for (const file of result.files.filter((f) => fileVersion(f) >= 2)) {
	const name = relative(process.cwd(), file) || file;
	for (const x of typographyIssues(readFileSync(file, 'utf8')))
		problems.push({
			file,
			text: `${name}:${x.line}:${x.column}: typography: ${x.message} — ${x.excerpt}${x.fix ? '' : ' (to fix by hand)'}`
		});
}

for (const p of problems) console.error(p.text);
const files = result.files.length;
if (exempt.length > 0)
	console.log(
		`typography not checked in ${exempt.length} version 1 file(s), published before the rule: ${exempt.map((f) => relative(dir, f)).join(', ')}`
	);
if (problems.length > 0) {
	const bad = new Set(problems.map((p) => p.file)).size;
	if (problems.some((p) => p.text.includes(': typography: ')))
		console.error('\n`npm run questionnaires:typography -- <file>` repairs the spaces in place.');
	console.error(`\n${problems.length} problem(s) in ${bad} of ${files} file(s).`);
	process.exit(1);
}
for (const q of result.questionnaires)
	console.log(
		`ok  ${q.id} v${q.version}: ${q.themes.length} themes, ${q.questions.length} questions`
	);
console.log(`${files} file(s) checked, no problem.`);
