import { createHash } from 'node:crypto';
import { matchesEtag } from '../http/etag.ts';

/** A rendered page as it was sent: its bytes, its headers (CSP included) and its tag. */
interface CachedPage {
	generation: number;
	body: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
	etag: string;
}

/** Headers that belong to one exchange, not to the page. */
const PER_RESPONSE = new Set(['date', 'content-length', 'transfer-encoding', 'connection']);

/**
 * The observatory's pages, rendered once per address and language until the next edition. A
 * page depends only on its address (path, query, language: the language is the address) and on
 * the published editions, which change only when the benchmark cache loads a new one (its
 * `generation`): an entry of an older generation is never served. At most `max` pages are kept,
 * the least recently asked leaving first (any query string makes a key). Every page carries an
 * ETag, and a request naming it gets 304.
 *
 * Only a 200 HTML page without `Set-Cookie` is kept. The CSP is Kit's in hash mode (hashes of
 * the inline script, the same for the same bytes), so the kept headers stay right for the kept
 * bytes.
 */
export class PageCache {
	readonly #pages = new Map<string, CachedPage>();

	constructor(
		private readonly generation: () => number,
		private readonly max = 200
	) {}

	get size(): number {
		return this.#pages.size;
	}

	/**
	 * The page at `key` (from memory, or rendered by `render` and kept), or 304 when
	 * `If-None-Match` names it. A request other than GET is rendered, never kept.
	 */
	async answer(request: Request, key: string, render: () => Promise<Response>): Promise<Response> {
		if (request.method !== 'GET') return render();
		const ifNoneMatch = request.headers.get('if-none-match');
		const hit = this.cached(key, ifNoneMatch);
		if (hit) return new Response(hit.body, { status: hit.status, headers: hit.headers });
		const generation = this.generation();
		const response = await render();
		if (!keepable(response)) return response;
		const body = new Uint8Array(await response.arrayBuffer());
		const page: CachedPage = {
			generation,
			body,
			headers: [...response.headers].filter(([name]) => !PER_RESPONSE.has(name)),
			etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
		};
		// Rendered for a generation that has passed meanwhile: sent, not kept.
		if (this.generation() === generation) {
			this.#pages.delete(key);
			this.#pages.set(key, page);
			while (this.#pages.size > this.max) this.#pages.delete(this.#pages.keys().next().value!);
		}
		const miss = answerOf(page, ifNoneMatch, 'miss');
		return new Response(miss.body, { status: miss.status, headers: miss.headers });
	}

	/**
	 * The kept page at `key` if it is of the current generation (304 when `If-None-Match` names
	 * it), without rendering: for the server entry (see `registerPageFastPath`) and `answer`.
	 */
	cached(key: string, ifNoneMatch: string | null): PageAnswer | undefined {
		const page = this.#pages.get(key);
		if (!page) return undefined;
		this.#pages.delete(key);
		if (page.generation !== this.generation()) return undefined;
		this.#pages.set(key, page); // the most recently asked goes last
		return answerOf(page, ifNoneMatch, 'hit');
	}
}

/** A kept page's answer: every header at once (the security ones are the server's to add). */
export interface PageAnswer {
	status: 200 | 304;
	headers: Record<string, string>;
	body: Uint8Array<ArrayBuffer> | null;
}

function answerOf(page: CachedPage, ifNoneMatch: string | null, state: 'hit' | 'miss'): PageAnswer {
	const validators = { etag: page.etag, 'cache-control': 'no-cache', 'x-cache': state };
	return matchesEtag(ifNoneMatch, page.etag)
		? { status: 304, headers: validators, body: null }
		: {
				status: 200,
				headers: { ...Object.fromEntries(page.headers), ...validators },
				body: page.body
			};
}

/** The key of a page: its language (the address says it), path and query. */
export function pageKey(pathname: string, search: string): string {
	const english = pathname === '/en' || pathname.startsWith('/en/');
	return `${english ? 'en' : 'fr'} ${pathname}${search}`;
}

/**
 * The server entry (scripts/serve.ts) answers a page kept here before SvelteKit's router, as it
 * does for `GET /api/benchmarks` (see benchmarks/fast-path.ts): the app's bundle and the entry
 * are two module graphs in one process, so the cache is handed over through a global.
 */
type PageFastPath = (key: string, ifNoneMatch: string | null) => PageAnswer | undefined;
const KEY = Symbol.for('numeriscope.observatory.pages');

export function registerPageFastPath(cache: PageCache): void {
	(globalThis as Record<symbol, PageFastPath | undefined>)[KEY] = (key, ifNoneMatch) =>
		cache.cached(key, ifNoneMatch);
}

/** The registered fast path, once the app has served an observatory page. */
export function pageFastPath(): PageFastPath | undefined {
	return (globalThis as Record<symbol, PageFastPath | undefined>)[KEY];
}

function keepable(r: Response): boolean {
	return (
		r.status === 200 &&
		(r.headers.get('content-type') ?? '').startsWith('text/html') &&
		!r.headers.has('set-cookie')
	);
}
