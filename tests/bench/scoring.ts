/**
 * `npm run bench:scoring`: scores 100,000 synthetic assessments of a 100-question questionnaire
 * (every kind of question, a fifth of them conditional) and prints the time per assessment
 * (budget: under 20 µs) and peak memory, with a reference measured in the same run: a bare
 * weighted mean over the same answers (no conditions, no coverage, no levels), the floor any
 * scoring must pay.
 */
import { performance } from 'node:perf_hooks';
import type { Answer, Response } from '../../src/lib/domain/answer.ts';
import {
	questionnaireSchema,
	type Questionnaire,
	type QuestionnaireInput
} from '../../src/lib/domain/questionnaire.ts';
import { scoreQuestionnaire } from '../../src/lib/domain/scoring.ts';

const QUESTIONS = 100;
const ASSESSMENTS = 100_000;
const DISTINCT = 10_000; // answer sets generated, each scored 10 times
const BUDGET_US = 20;

/** Deterministic PRNG (mulberry32), so every run scores the same data. */
function prng(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = prng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const t = (fr: string) => ({ fr });

function syntheticQuestionnaire(): Questionnaire {
	const questions: QuestionnaireInput['questions'] = [];
	for (let i = 0; i < QUESTIONS; i++) {
		const base = {
			id: `q${i}`,
			theme: `t${i % 6}`,
			text: t(`Question ${i}`),
			weight: 1 + (i % 3),
			plannable: i % 2 === 0
		};
		const cond =
			i % 5 === 4
				? {
						applicableIf:
							i % 10 === 4
								? { question: `q${i - 4}`, in: ['c1', 'c2', 'c3'] }
								: { profile: 'population' as const, gte: 3500 }
					}
				: {};
		switch (i % 5) {
			case 0:
			case 4:
				questions.push({
					...base,
					...cond,
					kind: 'single',
					choices: [0, 33, 66, 100].map((score, c) => ({ id: `c${c}`, label: t(`c${c}`), score }))
				});
				break;
			case 1:
				questions.push({
					...base,
					kind: 'multiple',
					choices: [40, 30, 30, 20].map((score, c) => ({ id: `c${c}`, label: t(`c${c}`), score }))
				});
				break;
			case 2:
				questions.push({ ...base, kind: 'boolean' });
				break;
			case 3:
				questions.push({
					...base,
					kind: 'number',
					thresholds: [
						{ from: 0, score: 0 },
						{ from: 10, score: 50 },
						{ from: 50, score: 100 }
					]
				});
				break;
		}
	}
	return questionnaireSchema.parse({
		id: 'bench',
		version: 1,
		title: t('Bench'),
		description: t('Bench'),
		themes: Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, title: t(`Thème ${i}`) })),
		questions,
		levels: [
			{ id: 'a', min: 0, label: t('A') },
			{ id: 'b', min: 50, label: t('B') }
		]
	});
}

function syntheticAnswers(q: Questionnaire): Record<string, Answer> {
	const out: Record<string, Answer> = {};
	for (const question of q.questions) {
		const r = rand();
		if (r < 0.1) continue; // unanswered
		let response: Response;
		if (r < 0.15) response = { type: 'dontKnow' };
		else if (r < 0.18) response = { type: 'notApplicable' };
		else if (question.kind === 'single')
			response = { type: 'choice', choice: pick(question.choices).id };
		else if (question.kind === 'multiple')
			response = {
				type: 'choices',
				choices: question.choices.filter(() => rand() < 0.5).map((c) => c.id)
			};
		else if (question.kind === 'boolean') response = { type: 'boolean', value: rand() < 0.5 };
		else response = { type: 'number', value: Math.floor(rand() * 100) };
		out[question.id] = { response, planned: rand() < 0.2 };
	}
	return out;
}

/** The floor: a weighted mean with a precomputed lookup, nothing else. */
function referenceScore(q: Questionnaire, answers: Record<string, Answer>): number {
	let points = 0;
	let weight = 0;
	for (const question of q.questions) {
		const r = answers[question.id]?.response;
		if (!r) continue;
		let s = 0;
		if (r.type === 'choice') s = lookup.get(question.id)?.get(r.choice) ?? 0;
		else if (r.type === 'boolean') s = r.value ? 100 : 0;
		else if (r.type === 'number') s = r.value >= 50 ? 100 : r.value >= 10 ? 50 : 0;
		else if (r.type === 'choices') s = Math.min(100, r.choices.length * 30);
		points += question.weight * s;
		weight += question.weight;
	}
	return weight > 0 ? points / weight : 0;
}

const q = syntheticQuestionnaire();
const lookup = new Map(
	q.questions.map((x) => [
		x.id,
		new Map(x.kind === 'single' ? x.choices.map((c) => [c.id, c.score] as const) : [])
	])
);
const sets = Array.from({ length: DISTINCT }, () => syntheticAnswers(q));
const profile = { type: 'commune' as const, population: 5000 };
const heapBefore = process.memoryUsage().heapUsed;

function time(label: string, fn: (a: Record<string, Answer>) => unknown): number {
	let sink = 0;
	for (let i = 0; i < DISTINCT; i++) sink += fn(sets[i]!) ? 1 : 0; // warm-up
	const start = performance.now();
	for (let i = 0; i < ASSESSMENTS; i++) sink += fn(sets[i % DISTINCT]!) ? 1 : 0;
	const perAssessment = ((performance.now() - start) * 1000) / ASSESSMENTS;
	if (sink < 0) console.log(label); // keeps the results alive
	return perAssessment;
}

const reference = time('reference', (a) => referenceScore(q, a));
const scoring = time('scoring', (a) => scoreQuestionnaire(q, profile, a).overall.score);
const usage = process.resourceUsage();
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

console.log(
	`scoring bench: ${ASSESSMENTS.toLocaleString('en')} assessments of a ${QUESTIONS}-question questionnaire (${DISTINCT.toLocaleString('en')} distinct answer sets), Node ${process.version}`
);
console.log(
	`  scoreQuestionnaire : ${scoring.toFixed(2)} µs per assessment (budget < ${BUDGET_US} µs)`
);
console.log(`  reference (bare weighted mean): ${reference.toFixed(2)} µs per assessment`);
console.log(`  ratio scoring / reference: ${(scoring / reference).toFixed(1)}×`);
console.log(
	`  peak memory (max RSS): ${mib(usage.maxRSS * 1024)} MiB; heap growth while scoring: ${mib(process.memoryUsage().heapUsed - heapBefore)} MiB`
);
console.log(scoring < BUDGET_US ? '  within budget' : '  OVER BUDGET');
process.exit(scoring < BUDGET_US ? 0 : 1);
