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
		const generation = this.generation();
		let page = this.#pages.get(key);
		let state = 'hit';
		if (page && page.generation === generation) {
			this.#pages.delete(key); // the most recently asked goes last
			this.#pages.set(key, page);
		} else {
			if (page) this.#pages.delete(key);
			const response = await render();
			if (!keepable(response)) return response;
			const body = new Uint8Array(await response.arrayBuffer());
			page = {
				generation,
				body,
				headers: [...response.headers].filter(([name]) => !PER_RESPONSE.has(name)),
				etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
			};
			// Rendered for a generation that has passed meanwhile: sent, not kept.
			if (this.generation() === generation) {
				this.#pages.set(key, page);
				while (this.#pages.size > this.max) this.#pages.delete(this.#pages.keys().next().value!);
			}
			state = 'miss';
		}
		const headers = new Headers(page.headers);
		headers.set('etag', page.etag);
		headers.set('cache-control', 'no-cache');
		headers.set('x-cache', state);
		if (matchesEtag(request.headers.get('if-none-match'), page.etag))
			return new Response(null, {
				status: 304,
				headers: { etag: page.etag, 'cache-control': 'no-cache', 'x-cache': state }
			});
		return new Response(page.body, { status: 200, headers });
	}
}

function keepable(r: Response): boolean {
	return (
		r.status === 200 &&
		(r.headers.get('content-type') ?? '').startsWith('text/html') &&
		!r.headers.has('set-cookie')
	);
}
