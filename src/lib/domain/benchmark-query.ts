import type { BenchmarkQuery } from './benchmark.ts';
import type { Cohort } from './cohort.ts';

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

/**
 * The peer figures asked for a questionnaire version and a cohort: the region only with a band
 * (the contract refuses a region alone). `{ commune, 3500-9999, 44 }` for donnees v1 →
 * `/api/benchmarks?questionnaire=donnees&version=1&type=commune&band=3500-9999&region=44`.
 */
export function benchmarkPath(questionnaire: string, version: number, cohort: Cohort): string {
	const { type, band, region } = cohort;
	const params = benchmarkSearchParams({
		questionnaire,
		version,
		type,
		...(band ? { band } : {}),
		...(band && region ? { region } : {})
	});
	return `/api/benchmarks?${params}`;
}
