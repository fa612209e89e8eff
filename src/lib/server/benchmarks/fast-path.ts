import { matchesEtag } from '../http/etag.ts';
import { jsonHeaders } from '../http/headers.ts';
import type { BenchmarkResponse, BenchmarkService } from './service.ts';

/** Figures change only when an edition is published: a CDN may keep them five minutes. */
const CACHE_CONTROL = 'public, max-age=300';

/** A `GET /api/benchmarks` answer: every header at once, security ones included. */
export interface BenchmarkAnswer {
	status: 200 | 304;
	headers: Record<string, string>;
	body: string | null;
}

/** The answer for a built response: 304 when `If-None-Match` names its tag. */
export function benchmarkAnswer(r: BenchmarkResponse, ifNoneMatch: string | null): BenchmarkAnswer {
	const headers = Object.fromEntries([
		...jsonHeaders,
		['etag', r.etag],
		['cache-control', CACHE_CONTROL]
	]);
	return matchesEtag(ifNoneMatch, r.etag)
		? { status: 304, headers, body: null }
		: { status: 200, headers, body: r.body };
}

/**
 * The hottest request of the server, answered before SvelteKit's router: once a query string has
 * been answered through the route (`+server.ts`, which parses, builds and remembers it), the
 * production server (scripts/serve.ts) answers the same query string from that memory, until the
 * next edition. The app's bundle and the server entry are two module graphs in one process, so
 * the service is handed over through a global registered under a `Symbol.for` key.
 */
type FastPath = (search: string, ifNoneMatch: string | null) => BenchmarkAnswer | undefined;
const KEY = Symbol.for('numeriscope.benchmarks.fastPath');

export function registerFastPath(service: BenchmarkService): void {
	(globalThis as Record<symbol, FastPath | undefined>)[KEY] = (search, ifNoneMatch) => {
		const hit = service.cached(search);
		return hit && benchmarkAnswer(hit, ifNoneMatch);
	};
}

/** The registered fast path, once the app has started. */
export function fastPath(): FastPath | undefined {
	return (globalThis as Record<symbol, FastPath | undefined>)[KEY];
}
