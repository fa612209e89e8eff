import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Benchmark, type BenchmarkQuery } from '../../domain/benchmark.ts';
import { createCatalog } from '../../domain/catalog.ts';
import { questionnaire, single } from '../../domain/testing.ts';
import { publishEdition } from '../editions/publish.ts';
import { insertCampaign } from '../store/campaigns.ts';
import { insertContributions, type NewContribution } from '../store/editions.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { BenchmarkStore } from '../store/types.ts';
import { BenchmarkService } from './service.ts';

const themes = (ids: string[]) => ids.map((t) => single(`q-${t}`, [0, 100], { theme: t }));
const catalog = createCatalog([
	questionnaire(themes(['a', 'b', 'c']), { id: 'x', version: 1 }),
	questionnaire(themes(['a', 'b']), { id: 'x', version: 2, comparableWith: [1] })
]);

const row = (score: number, over: Partial<NewContribution> = {}): NewContribution => ({
	campaign: 2026,
	questionnaire: 'x',
	version: 2,
	type: 'commune',
	band: '3500-9999',
	region: '44',
	scores: { overall: score, themes: { a: score, b: 100 - score } },
	synthetic: false,
	source: 'invited',
	...over
});
const query = (over: Partial<BenchmarkQuery> = {}): BenchmarkQuery => ({
	questionnaire: 'x',
	version: 2,
	type: 'commune',
	band: '3500-9999',
	region: '44',
	...over
});

let store: BenchmarkStore;
let service: BenchmarkService;
beforeEach(async () => {
	store = await openSqliteStore(':memory:');
	for (const year of [2025, 2026])
		await insertCampaign(store.db, {
			year,
			collects: [{ questionnaire: 'x', version: 2 }],
			closes: null,
			status: year === 2026 ? 'open' : 'closed',
			synthetic: year === 2025
		});
	service = new BenchmarkService({ db: store.db, catalog, k: 5 });
	await service.start(60_000);
});
afterEach(async () => {
	service.stop();
	await store.close();
});

const read = async (q: BenchmarkQuery) =>
	JSON.parse((await service.benchmark(q)).body) as Benchmark;
const add = (rows: NewContribution[]) =>
	store.db.transaction().execute((tx) => insertContributions(tx, rows));
const publish = async (campaign: number) => {
	await publishEdition(store.db, catalog, { campaign, k: 5, publishedOn: '2026-11-30' });
	await service.cache.refresh(); // as the poll would, a moment later
};

describe('BenchmarkService', () => {
	it('shows nothing until an edition is published, then names it', async () => {
		await add([10, 20, 30, 40, 50].map((s) => row(s)));
		await service.cache.refresh();
		expect(await read(query())).toMatchObject({ cohort: null, edition: null, overall: null });
		await publish(2026);
		const b = await read(query());
		expect(b).toMatchObject({
			cohort: { type: 'commune', band: '3500-9999', region: '44' },
			fellBack: false,
			campaign: 2026,
			synthetic: false,
			edition: { campaign: 2026, number: 1, publishedAt: '2026-11-30', synthetic: false },
			pooledVersions: [1, 2]
		});
		expect(b.overall).toEqual({ n: 5, p10: 14, p25: 20, p50: 30, p75: 40, p90: 46 });
		expect(Object.keys(b.themes)).toEqual(['a', 'b']);
	});

	it('falls back along the chain when the region is not published', async () => {
		await add([10, 20, 30, 40, 50].map((s) => row(s, { region: '84' })));
		await add([row(60)]);
		await publish(2026);
		const b = await read(query());
		expect(b.fellBack).toBe(true);
		expect(b.cohort).toEqual({ type: 'commune', band: '3500-9999' });
		expect(b.overall?.n).toBe(6);
	});

	it('defaults to the latest campaign whose edition has a cell in the chain', async () => {
		await add(
			[1, 2, 3, 4, 5].map((s) => row(s, { campaign: 2025, synthetic: true, source: 'demo' }))
		);
		await publish(2025);
		await add([90, 91, 92, 93, 94].map((s) => row(s, { type: 'cc', band: '10000-29999' })));
		await publish(2026);
		expect(await read(query())).toMatchObject({
			campaign: 2025,
			synthetic: true,
			edition: { campaign: 2025, number: 1, synthetic: true }
		});
		expect(await read(query({ campaign: 2026 }))).toMatchObject({
			campaign: 2026,
			cohort: null,
			edition: { campaign: 2026, number: 1 }
		});
		expect(await read(query({ type: 'cc', band: '10000-29999', region: undefined }))).toMatchObject(
			{ campaign: 2026, overall: { n: 5 } }
		);
	});

	it('serves the same bytes while contributions arrive, until a new edition is loaded', async () => {
		await add([10, 20, 30, 40, 50].map((s) => row(s)));
		await publish(2026);
		const search = '?questionnaire=x&version=2&type=commune&band=3500-9999&region=44';
		const first = await service.benchmark(query(), search);
		expect(service.cached(search)).toBe(first);
		await add([60, 70, 80, 90, 99].map((s) => row(s)));
		await service.cache.refresh();
		expect(service.cached(search)).toBe(first);
		await publish(2026);
		expect(service.cached(search)).toBeUndefined();
		const second = await service.benchmark(query(), search);
		expect(second.etag).not.toBe(first.etag);
		expect(JSON.parse(second.body)).toMatchObject({ edition: { number: 2 }, overall: { n: 10 } });
	});

	it('refuses a benchmark of an unknown questionnaire or version', async () => {
		await expect(service.benchmark(query({ questionnaire: 'z' }))).rejects.toMatchObject({
			code: 'unknown_questionnaire'
		});
		await expect(service.benchmark(query({ version: 9 }))).rejects.toMatchObject({
			code: 'unknown_version'
		});
	});
});
