import { describe, expect, it } from 'vitest';
import {
	BenchmarkQueryError,
	benchmarkSearchParams,
	parseBenchmarkQuery,
	versionPools,
	widen
} from './benchmark.ts';
import { questionnaire, single } from './testing.ts';

const parse = (qs: string) => parseBenchmarkQuery(new URLSearchParams(qs));
const refusal = (qs: string) => {
	try {
		parse(qs);
	} catch (e) {
		if (e instanceof BenchmarkQueryError) return e.message;
		throw e;
	}
	throw new Error('accepted');
};

describe('parseBenchmarkQuery', () => {
	it('reads a questionnaire version and a cohort', () => {
		expect(parse('questionnaire=donnees&version=1&type=commune&band=3500-9999&region=44')).toEqual({
			questionnaire: 'donnees',
			version: 1,
			type: 'commune',
			band: '3500-9999',
			region: '44'
		});
		expect(parse('questionnaire=donnees&version=2&type=region&campaign=2026')).toEqual({
			questionnaire: 'donnees',
			version: 2,
			type: 'region',
			campaign: 2026
		});
	});

	it('round-trips through the query string the browser builds', () => {
		const q = {
			questionnaire: 'cybersecurite',
			version: 1,
			type: 'commune' as const,
			band: '1000000+',
			region: '11'
		};
		expect(parseBenchmarkQuery(benchmarkSearchParams(q))).toEqual(q);
	});

	it.each([
		['version=1&type=commune', /questionnaire: required/],
		['questionnaire=donnees&version=x&type=commune', /version: a version is a whole number/],
		['questionnaire=donnees&version=01&type=commune', /version/],
		['questionnaire=donnees&version=1&type=ville', /type/],
		['questionnaire=donnees&version=1&type=commune&band=1000000 ', /band: a population band/],
		['questionnaire=donnees&version=1&type=commune&region=44', /region: a region narrows/],
		['questionnaire=donnees&version=1&type=commune&band=0-999&region=00', /region: a region is/],
		['questionnaire=donnees&version=1&type=commune&campaign=26', /campaign: a campaign is a year/],
		['questionnaire=donnees&version=1&type=commune&type=cc', /type: given more than once/],
		['questionnaire=donnees&version=1&type=commune&mean=1', /unknown parameter\(s\) mean/],
		['questionnaire=Données&version=1&type=commune', /questionnaire: an id is lower-case/]
	])('refuses %s', (qs, message) => {
		expect(refusal(qs)).toMatch(message);
	});
});

describe('widen', () => {
	it('follows cohortChain: type × band × region, type × band, type', () => {
		expect(widen({ type: 'commune', band: '3500-9999', region: '44' })).toEqual([
			{ type: 'commune', band: '3500-9999', region: '44' },
			{ type: 'commune', band: '3500-9999' },
			{ type: 'commune' }
		]);
		expect(widen({ type: 'region' })).toEqual([{ type: 'region' }]);
	});
});

describe('versionPools', () => {
	const q = (version: number, themes: string[], comparableWith: number[] = []) =>
		questionnaire(
			themes.map((t) => single(`q-${t}`, [0, 100], { theme: t })),
			{ id: 'x', version, comparableWith }
		);

	it('keeps a version alone when nothing is comparable', () => {
		expect(versionPools([q(1, ['a', 'b'])])).toEqual([
			{ id: 'x@1', questionnaire: 'x', versions: [1], themes: ['a', 'b'] }
		]);
	});

	it('joins versions linked by comparableWith, even through another version', () => {
		const pools = versionPools([
			q(1, ['a', 'b', 'c']),
			q(2, ['a', 'b'], [1]),
			q(3, ['b'], [2]),
			q(4, ['d'])
		]);
		expect(pools).toEqual([
			{ id: 'x@1+2+3', questionnaire: 'x', versions: [1, 2, 3], themes: ['b'] },
			{ id: 'x@4', questionnaire: 'x', versions: [4], themes: ['d'] }
		]);
	});
});
