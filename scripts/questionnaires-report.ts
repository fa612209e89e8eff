/**
 * `npm run questionnaires:report [folder]`: for each reference territory, how many questions each
 * questionnaire asks, theme by theme (before any answer: follow-up questions are not counted);
 * then how many territories the legal population (population totale) moves across the thresholds.
 */
import { resolve } from 'node:path';
import { applicableQuestions } from '../src/lib/domain/applicability.ts';
import { formatProblem, loadCatalog } from '../src/lib/server/catalog/load.ts';
import {
	crossingsByDefinition,
	crossingsInTheApp
} from '../src/lib/server/territories/legal-population.ts';
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

const nf = new Intl.NumberFormat('en-GB');
console.log(
	'\nLegal population: territories on the other side of a threshold (≥) with the population totale'
);
const inApp = crossingsInTheApp();
for (const [i, c] of crossingsByDefinition().entries())
	console.log(
		`  ${nf.format(c.threshold).padStart(6)}: ${String(c.communes.length).padStart(3)} communes, ${String(c.epci.length).padStart(2)} EPCI (municipale → totale, millésime 2022); ${inApp[i]!.communes.length} communes in the app (municipale 2023 → totale 2022)`
	);
