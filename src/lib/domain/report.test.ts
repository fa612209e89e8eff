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
		// 41.67 among 9 peers: above the median 40.5 → « un peu au-dessus du milieu »
		expect(px!.peers).toEqual({ median: 41, p25: 20, p75: 61, n: 9, position: 'upperMiddle' });
		expect(py!.peers).toBeNull();
		expect([withPeers.synthetic, withPeers.withPeers]).toEqual([true, true]);
	});

	it('takes strengths and weaknesses only from themes with enough coverage, never one as both', () => {
		// y has coverage 0: neither a strength nor a weakness; x cannot be both.
		expect(report.strengths.map((h) => h.row.id)).toEqual(['x']);
		expect(report.weaknesses).toEqual([]);
	});

	it('calls a diagnostic complete from 70 % global coverage, and names what is missing', () => {
		expect(report.completeness).toEqual({ complete: true, coverage: 75, missing: [] });
		const few = answers({ c: choice('c1') });
		const thin = buildReport({
			parts: [
				{ questionnaire: q, answers: few, scores: scoreQuestionnaire(q, { type: 'commune' }, few) }
			]
		});
		// 1 of 4 weight answered: coverage 25, a and b missing
		expect(thin.completeness).toEqual({
			complete: false,
			coverage: 25,
			missing: [{ questionnaireId: 'q', coverage: 25, unanswered: 2 }]
		});
		// x, unanswered, is neither strength nor weakness; y, fully answered, may be a strength.
		expect([thin.strengths.map((h) => h.row.id), thin.weaknesses]).toEqual([['y'], []]);
	});

	it('lists the cohorts the peers come from, the same cohort once', () => {
		const other = { ...q, id: 'r' };
		const at = (cohort: object) => ({ ...benchmark, cohort }) as Benchmark;
		const r = buildReport({
			parts: [
				{ questionnaire: q, answers: given, scores },
				{ questionnaire: other, answers: given, scores }
			],
			benchmarks: { q: at({ type: 'commune', band: '3500-9999' }), r: at({ type: 'commune' }) }
		});
		expect(r.cohorts).toEqual([
			{ cohort: { type: 'commune', band: '3500-9999' }, questionnaireIds: ['q'] },
			{ cohort: { type: 'commune' }, questionnaireIds: ['r'] }
		]);
	});
});
