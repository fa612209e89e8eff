/**
 * The observatory's pages are rendered once per address and language and then served from
 * memory (src/lib/server/observatory/page-cache.ts), on the built server: the same bytes and
 * headers (security headers and CSP included), an ETag and 304; a new edition, published from
 * this process as the operator's command would, is seen by the server's poll and replaces them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import { publishEdition } from '../../src/lib/server/editions/publish.ts';
import { insertCampaign } from '../../src/lib/server/store/campaigns.ts';
import { insertContributions, type NewContribution } from '../../src/lib/server/store/editions.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { questionnaires } from '../support/api.ts';
import { until } from '../support/editions.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const catalog = createCatalog(questionnaires);
const donnees = catalog.get('donnees', 1)!;
const K = 5;
const [OLD, NEW] = [2024, 2025];

const row = (campaign: number, score: number): NewContribution => ({
	campaign,
	questionnaire: 'donnees',
	version: 1,
	type: 'commune',
	band: '3500-9999',
	region: '44',
	scores: {
		overall: score,
		themes: Object.fromEntries(donnees.themes.map((t) => [t.id, score]))
	},
	synthetic: false,
	source: 'invited'
});

let dir: string;
let store: BenchmarkStore;
let server: RunningServer;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'numeriscope-observatory-cache-'));
	const path = join(dir, 'store.sqlite');
	store = await openSqliteStore(path);
	for (const year of [OLD, NEW])
		await insertCampaign(store.db, {
			year,
			collects: [{ questionnaire: 'donnees', version: 1 }],
			closes: null,
			status: 'closed',
			synthetic: false
		});
	await add(Array.from({ length: 10 }, (_, i) => row(OLD, 40 + i)));
	await publishEdition(store.db, catalog, { campaign: OLD, k: K });
	server = await startBuiltServer({
		SQLITE_PATH: path,
		DEMO_DATA: 'off',
		BENCHMARK_REFRESH_MS: '100'
	});
}, 60_000);
afterAll(async () => {
	await server?.stop();
	await store?.close();
	rmSync(dir, { recursive: true, force: true });
});

function add(rows: NewContribution[]) {
	return store.db.transaction().execute((tx) => insertContributions(tx, rows));
}

/** Headers that describe the exchange (or the cache's state), not the page. */
const varying = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'x-cache']);
const headersOf = (r: Response) =>
	Object.fromEntries([...r.headers].filter(([name]) => !varying.has(name)));
const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(server.url + path, { headers });

describe('the observatory’s rendered pages', () => {
	it('are served from memory the second time: the same bytes and headers, CSP included', async () => {
		const first = await get('/observatoire?campagne=' + OLD);
		const second = await get('/observatoire?campagne=' + OLD);
		expect(first.status).toBe(200);
		expect(first.headers.get('x-cache')).toBe('miss');
		expect(second.headers.get('x-cache')).toBe('hit');
		const [a, b] = [await first.text(), await second.text()];
		expect(a).toContain(`Campagne ${OLD}`);
		expect(b).toBe(a);
		expect(headersOf(second)).toEqual(headersOf(first));
		expect(first.headers.get('etag')).toMatch(/^"[\w-]+"$/);
		expect(first.headers.get('content-type')).toMatch(/^text\/html/);
		expect(first.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
		expect(first.headers.get('x-frame-options')).toBe('DENY');
		// No script to hash (the pages are not hydrated), so nothing in the CSP depends on a request.
		expect(a).not.toMatch(/<script/);
	});

	it('are kept per address and per language', async () => {
		const en = await get('/en/observatoire?campagne=' + OLD);
		expect(en.headers.get('x-cache')).toBe('miss');
		const html = await en.text();
		expect(html).toContain('<html lang="en"');
		expect(html).toContain(`${OLD} campaign`);
		expect((await get('/en/observatoire?campagne=' + OLD)).headers.get('x-cache')).toBe('hit');
		expect((await get('/observatoire?campagne=' + OLD + '&x=1')).headers.get('x-cache')).toBe(
			'miss'
		);
		// A French address asked by a browser that chose English is still sent to English.
		const chose = await fetch(server.url + '/observatoire?campagne=' + OLD, {
			headers: { cookie: 'numeriscope_lang=en', 'sec-fetch-dest': 'document' },
			redirect: 'manual'
		});
		expect(chose.status).toBe(307);
		expect(chose.headers.get('location')).toBe('/en/observatoire?campagne=' + OLD);
		// A page that does not exist is not kept.
		for (let i = 0; i < 2; i++) {
			const missing = await get(`/observatoire/${OLD}/9`);
			expect(missing.status).toBe(404);
			expect(missing.headers.get('x-cache')).toBeNull();
		}
	});

	it('answer 304 to their ETag, with no header that belongs to a page', async () => {
		const etag = (await get('/observatoire')).headers.get('etag')!;
		const again = await get('/observatoire', { 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);
		expect(again.headers.get('x-content-type-options')).toBe('nosniff');
		expect(again.headers.get('content-security-policy')).toBeNull();
		expect(again.headers.get('x-frame-options')).toBeNull();
		expect((await get('/observatoire', { 'if-none-match': `W/${etag}` })).status).toBe(304);
		expect((await get('/observatoire', { 'if-none-match': '"other"' })).status).toBe(200);
	});

	it('are rendered again once a new edition is published', async () => {
		const before = await get('/observatoire');
		const etag = before.headers.get('etag')!;
		expect(await before.text()).not.toContain(`Campagne ${NEW}`);
		expect((await get('/observatoire')).headers.get('x-cache')).toBe('hit');

		await add(Array.from({ length: 10 }, (_, i) => row(NEW, 60 + i)));
		expect(await publishEdition(store.db, catalog, { campaign: NEW, k: K })).toMatchObject({
			status: 'published'
		});
		let after: Response | undefined;
		await until('the new edition shown', async () => {
			after = await get('/observatoire');
			return after.headers.get('etag') !== etag;
		});
		expect(after!.headers.get('x-cache')).toBe('miss');
		expect(await after!.text()).toContain(`Campagne ${NEW}`);
		expect((await get('/observatoire', { 'if-none-match': etag })).status).toBe(200);
		expect((await get('/observatoire')).headers.get('x-cache')).toBe('hit');
	});
});
