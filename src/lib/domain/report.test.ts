import { describe, expect, it } from 'vitest';
import type { Benchmark } from './benchmark.ts';
import { buildReport, LOW_COVERAGE, rounded } from './report.ts';
import { scoreQuestionnaire } from './scoring.ts';
import { answers, choice, dontKnow, questionnaire, single } from './testing.ts';

const q = questionnaire(
	[
		single('a', [0, 50, 100], { theme: 'x', weight: 2 }),
		single('b', [0, 25, 100], { theme: 'x' }),
		single('c', [0, 100], { theme: 'y' })
	],
	{ id: 'q' }
);
const given = answers({ a: choice('c1'), b: choice('c1'), c: dontKnow });
const scores = scoreQuestionnaire(q, { type: 'commune' }, given);
const stat = { n: 9, p10: 10, p25: 20.4, p50: 40.5, p75: 60.6, p90: 80 };
const benchmark = {
	synthetic: true,
	overall: stat,
	themes: { x: stat }
} as unknown as Benchmark;

describe('rounded', () => {
	it('rounds half up to whole numbers and keeps "no value"', () => {
		expect([rounded(66.5), rounded(66.49), rounded(null), rounded(undefined)]).toEqual([
			67,
			66,
			null,
			null
		]);
	});
});

describe('buildReport', () => {
	const report = buildReport({ parts: [{ questionnaire: q, answers: given, scores }] });
	const [x, y] = report.parts[0]!.themes;

	it('rounds every score once and flags coverage under the one threshold', () => {
		// x: (50 × 2 + 25) ÷ 3 = 41.67; coverage 100. y: "je ne sais pas" → 0, coverage 0.
		expect([x!.score, x!.coverage, x!.lowCoverage]).toEqual([42, 100, false]);
		expect([y!.score, y!.coverage, y!.lowCoverage]).toEqual([0, 0, true]);
		// overall: 125 ÷ 4 = 31.25, coverage 3 ÷ 4 = 75 (not under 70)
		expect(report.parts[0]!.overall).toMatchObject({ score: 31, coverage: 75, lowCoverage: false });
		expect(LOW_COVERAGE).toBe(70);
	});

	it('has no peer or earlier columns until they are loaded', () => {
		expect(x).not.toHaveProperty('peers');
		expect(x).not.toHaveProperty('earlier');
		expect(report.withPeers).toBe(false);
	});

	it('places each score among rounded peer quantiles, null where the cohort has none', () => {
		const withPeers = buildReport({
			parts: [{ questionnaire: q, answers: given, scores }],
			benchmarks: { q: benchmark }
		});
		const [px, py] = withPeers.parts[0]!.themes;
		expect(px!.peers).toEqual({ median: 41, p25: 20, p75: 61, position: 'p50to75' });
		expect(py!.peers).toBeNull();
		expect([withPeers.synthetic, withPeers.withPeers]).toEqual([true, true]);
	});

	it('lists the strongest and weakest themes', () => {
		expect(report.strengths.map((h) => h.row.id)).toEqual(['x', 'y']);
		expect(report.weaknesses.map((h) => h.row.id)).toEqual(['y', 'x']);
	});
});
