import { parseBenchmarkQuery } from '$lib/domain/benchmark';
import { benchmarks } from '$lib/server/benchmarks/runtime';
import { endpoint, methodNotAllowed } from '$lib/server/http/errors';
import { benchmarkAnswer } from '$lib/server/benchmarks/fast-path';
import type { RequestHandler } from './$types';

/**
 * Peer quantiles of the narrowest published cohort (see `benchmarkSchema`); 304 when unchanged.
 * Once answered here, the same query string is answered by the server entry's fast path.
 */
export const GET: RequestHandler = endpoint(async ({ url, request }) => {
	const { service } = benchmarks();
	const response =
		service.cached(url.search) ??
		(await service.benchmark(parseBenchmarkQuery(url.searchParams), url.search));
	const { status, headers, body } = benchmarkAnswer(response, request.headers.get('if-none-match'));
	return new Response(body, { status, headers });
});

export const fallback: RequestHandler = methodNotAllowed(['GET', 'HEAD']);
