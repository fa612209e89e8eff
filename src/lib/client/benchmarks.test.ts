import { describe, expect, it } from 'vitest';
import { parseBenchmarkQuery } from '../domain/benchmark.ts';
import { benchmarkPath } from '../domain/benchmark-query.ts';
import { cohortChain } from '../domain/cohort.ts';
import type { Profile } from '../domain/profile.ts';
import { fetchBenchmark } from './benchmarks.ts';

/** The URLs the browser asks for, answered with an empty benchmark. */
function recording() {
	const urls: string[] = [];
	const http = (async (url: string) => {
		urls.push(url);
		return new Response('{}', { headers: { 'content-type': 'application/json' } });
	}) as typeof fetch;
	return { urls, http };
}

describe('the benchmark request of the results page', () => {
	it.each<[string, Profile]>([
		[
			'a commune with a population and a region',
			{ type: 'commune', name: 'Nancy', population: 104_000, region: '44' }
		],
		['a commune without a region', { type: 'commune', name: 'X', population: 5000 }],
		['a region without a population', { type: 'region', name: 'Grand Est', region: '44' }]
	])('is the helper’s, for %s', async (_, profile) => {
		const { urls, http } = recording();
		await fetchBenchmark('donnees', 2, profile, http);
		const cohort = cohortChain(profile)[0]!;
		expect(urls).toEqual([benchmarkPath('donnees', 2, cohort)]);
		const [path, query] = urls[0]!.split('?');
		expect(path).toBe('/api/benchmarks');
		// …and the server's parser reads back the profile's narrowest cohort.
		expect(parseBenchmarkQuery(new URLSearchParams(query))).toEqual({
			questionnaire: 'donnees',
			version: 2,
			...cohort
		});
	});
});
