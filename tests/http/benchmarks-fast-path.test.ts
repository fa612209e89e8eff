/**
 * The server entry answers a `GET /api/benchmarks` query string the app has answered before from
 * memory (src/lib/server/benchmarks/fast-path.ts): the same bytes and headers as the route, the
 * same 304, and nothing for a query the route has not accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type RunningServer } from '../support/server.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'numeriscope-fast-'));
let server: RunningServer;
beforeAll(async () => {
	server = await startBuiltServer({ SQLITE_PATH: join(dir, 'store.sqlite') }); // demo editions
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const query = '/api/benchmarks?questionnaire=donnees&version=2&type=commune&band=3500-9999';
/** Headers that describe the connection or the moment, not the answer. */
const varying = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const headersOf = (r: Response) =>
	Object.fromEntries([...r.headers].filter(([name]) => !varying.has(name)));

describe('the fast path of GET /api/benchmarks', () => {
	it('answers a query string already answered with the same bytes and headers', async () => {
		const first = await fetch(server.url + query); // through the route: parsed, built, kept
		const second = await fetch(server.url + query); // from the server entry's memory
		expect(first.status).toBe(200);
		expect(second.status).toBe(200);
		const [a, b] = [await first.text(), await second.text()];
		expect(JSON.parse(a)).toMatchObject({ questionnaire: 'donnees', synthetic: true });
		expect(b).toBe(a);
		expect(headersOf(second)).toEqual(headersOf(first));
		expect(headersOf(second)).toMatchObject({
			'content-type': 'application/json',
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=300'
		});
	});

	it('answers 304 to the current tag, as the route does', async () => {
		const etag = (await fetch(server.url + query)).headers.get('etag')!;
		const again = await fetch(server.url + query, { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect(await again.text()).toBe('');
	});

	it('leaves a query the route never accepted to the route, which refuses it every time', async () => {
		for (let i = 0; i < 2; i++) {
			const bad = await fetch(server.url + query + '&band=0-999');
			expect(bad.status).toBe(400);
			expect(await bad.json()).toMatchObject({ code: 'invalid_query' });
		}
	});
});
