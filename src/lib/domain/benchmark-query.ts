import type { BenchmarkQuery } from './benchmark.ts';

/**
 * The query string of a benchmark request, as the browser builds it. Apart from `benchmark.ts`
 * (and its zod schemas) so that the results page can build it without loading zod; the round
 * trip through `parseBenchmarkQuery` is tested in `benchmark.test.ts`.
 */
export function benchmarkSearchParams(q: BenchmarkQuery): URLSearchParams {
	const p = new URLSearchParams({
		questionnaire: q.questionnaire,
		version: String(q.version),
		type: q.type
	});
	if (q.band !== undefined) p.set('band', q.band);
	if (q.region !== undefined) p.set('region', q.region);
	if (q.campaign !== undefined) p.set('campaign', String(q.campaign));
	return p;
}
