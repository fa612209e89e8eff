/**
 * `npm run questionnaires:check [folder]`: validates every questionnaire file (schema, coherence,
 * versions) and prints every problem as `file:line: path.to.field: message`. Exit code 1 on any.
 */
import { resolve } from 'node:path';
import { formatProblem, loadCatalog } from '../src/lib/server/catalog/load.ts';

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
for (const p of result.problems) console.error(formatProblem(p));
const files = result.files.length;
if (result.problems.length > 0) {
	const bad = new Set(result.problems.map((p) => p.file)).size;
	console.error(`\n${result.problems.length} problem(s) in ${bad} of ${files} file(s).`);
	process.exit(1);
}
for (const q of result.questionnaires)
	console.log(
		`ok  ${q.id} v${q.version}: ${q.themes.length} themes, ${q.questions.length} questions`
	);
console.log(`${files} file(s) checked, no problem.`);
