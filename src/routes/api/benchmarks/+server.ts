import { parseBenchmarkQuery } from '$lib/domain/benchmark';
import { benchmarks } from '$lib/server/benchmarks/runtime';
import { endpoint, methodNotAllowed } from '$lib/server/http/errors';
import { matchesEtag } from '$lib/server/http/etag';
import { jsonHeaders } from '$lib/server/http/headers';
import type { RequestHandler } from './$types';

/** Figures change only when contributions arrive: a CDN may keep them five minutes. */
const CACHE_CONTROL = 'public, max-age=300';

/** Peer quantiles of the narrowest published cohort (see `benchmarkSchema`); 304 when unchanged. */
export const GET: RequestHandler = endpoint(async ({ url, request }) => {
	const { service } = benchmarks();
	const { body, etag } =
		service.cached(url.search) ??
		(await service.benchmark(parseBenchmarkQuery(url.searchParams), url.search));
	// Every header at once, security ones included: this is the hottest path of the server.
	const headers: [string, string][] = [
		...jsonHeaders,
		['etag', etag],
		['cache-control', CACHE_CONTROL]
	];
	if (matchesEtag(request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers });
	return new Response(body, { headers });
});

export const fallback: RequestHandler = methodNotAllowed(['GET', 'HEAD']);
