/**
 * `npm run questionnaires:report [folder]`: for each reference territory, how many questions each
 * questionnaire asks, theme by theme (before any answer: follow-up questions are not counted).
 */
import { resolve } from 'node:path';
import { applicableQuestions } from '../src/lib/domain/applicability.ts';
import { formatProblem, loadCatalog } from '../src/lib/server/catalog/load.ts';
import { referenceProfiles } from '../tests/content/profiles.ts';

const { questionnaires, problems } = loadCatalog(resolve(process.argv[2] ?? 'questionnaires'));
for (const p of problems) console.error(formatProblem(p));
for (const q of questionnaires) {
	console.log(`\n${q.id} v${q.version} (${q.questions.length} questions)`);
	for (const [name, profile] of Object.entries(referenceProfiles)) {
		const asked = applicableQuestions(q, profile, {});
		const perTheme = q.themes.map((t) => {
			const n = q.questions.filter((x) => x.theme === t.id && asked.has(x.id)).length;
			return `${t.id} ${n}${n < 3 ? ' (<3!)' : ''}`;
		});
		console.log(
			`  ${name.padEnd(14)} ${String(asked.size).padStart(3)} asked | ${perTheme.join(', ')}`
		);
	}
}
