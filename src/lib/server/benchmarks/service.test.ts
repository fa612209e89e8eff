import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	BenchmarkQueryError,
	type Benchmark,
	type BenchmarkQuery
} from '../../domain/benchmark.ts';
import { createCatalog } from '../../domain/catalog.ts';
import { ContributionError, type Contribution } from '../../domain/contribution.ts';
import { questionnaire, single } from '../../domain/testing.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { BenchmarkStore } from '../store/types.ts';
import { toRecord } from './record.ts';
import { BenchmarkService } from './service.ts';

const themes = (ids: string[]) => ids.map((t) => single(`q-${t}`, [0, 100], { theme: t }));
const catalog = createCatalog([
	questionnaire(themes(['a', 'b', 'c']), { id: 'x', version: 1 }),
	questionnaire(themes(['a', 'b']), { id: 'x', version: 2, comparableWith: [1] }),
	questionnaire(themes(['a']), { id: 'y', version: 1 })
]);
const now = new Date('2026-06-01T00:00:00Z');

const contribution = (score: number, over: Partial<Contribution> = {}): Contribution => ({
	questionnaire: 'x',
	version: 2,
	campaign: 2026,
	cohort: { type: 'commune', band: '3500-9999', region: '44' },
	scores: { overall: score, themes: { a: score, b: 100 - score } },
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
	service = new BenchmarkService({ store, catalog, k: 5, now: () => now });
	await service.start(60_000);
});
afterEach(async () => {
	service.stop();
	await store.close();
});

const read = async (q: BenchmarkQuery) =>
	JSON.parse((await service.benchmark(q)).body) as Benchmark;

describe('BenchmarkService', () => {
	it('shows a contribution in the next read (read-your-writes) once its cohort reaches k', async () => {
		for (const s of [10, 20, 30, 40]) await service.contribute(contribution(s));
		expect(await read(query())).toMatchObject({ cohort: null, fellBack: true, overall: null });
		await service.contribute(contribution(50));
		const b = await read(query());
		expect(b).toMatchObject({
			cohort: { type: 'commune', band: '3500-9999', region: '44' },
			fellBack: false,
			campaign: 2026,
			synthetic: false,
			pooledVersions: [1, 2]
		});
		expect(b.overall).toEqual({ n: 5, p10: 14, p25: 20, p50: 30, p75: 40, p90: 46 });
		expect(Object.keys(b.themes)).toEqual(['a', 'b']);
	});

	it('falls back along the chain when the region is too small', async () => {
		for (const s of [10, 20, 30, 40, 50])
			await service.contribute(
				contribution(s, { cohort: { type: 'commune', band: '3500-9999', region: '84' } })
			);
		await service.contribute(contribution(60));
		const b = await read(query());
		expect(b.fellBack).toBe(true);
		expect(b.cohort).toEqual({ type: 'commune', band: '3500-9999' });
		expect(b.overall?.n).toBe(6);
	});

	it('pools versions declared comparable, on the themes they share', async () => {
		for (const s of [10, 20, 30]) await service.contribute(contribution(s));
		for (const s of [40, 50])
			await service.contribute({
				...contribution(s),
				version: 1,
				scores: { overall: s, themes: { a: s, b: 0, c: 0 } }
			});
		const v1 = await read(query({ version: 1 }));
		const v2 = await read(query());
		expect(v1.pooledVersions).toEqual([1, 2]);
		expect(v1.overall).toEqual(v2.overall);
		expect(Object.keys(v1.themes)).toEqual(['a', 'b']);
	});

	it('uses the latest campaign with a published cohort unless one is asked for', async () => {
		for (const s of [1, 2, 3, 4, 5]) await service.contribute(contribution(s, { campaign: 2025 }));
		await service.contribute(contribution(90, { campaign: 2026 }));
		expect((await read(query())).campaign).toBe(2025);
		expect(await read(query({ campaign: 2026 }))).toMatchObject({ campaign: 2026, cohort: null });
	});

	it('replaces and withdraws by token, and says when a token is unknown', async () => {
		const tokens = [];
		for (const s of [10, 20, 30, 40, 50]) tokens.push(await service.contribute(contribution(s)));
		expect(await service.replace(tokens[0]!, contribution(90))).toBe(true);
		expect((await read(query())).overall?.p90).toBe(74);
		expect(await service.withdraw(tokens[1]!)).toBe(true);
		expect((await read(query())).cohort).toBeNull();
		expect(await service.withdraw(tokens[1]!)).toBe(false);
		expect(await service.replace('A'.repeat(43), contribution(1))).toBe(false);
	});

	it('refuses an invalid contribution before writing anything', async () => {
		const token = await service.contribute(contribution(10));
		const before = await store.list();
		await expect(service.contribute({ ...contribution(10), version: 3 })).rejects.toThrow(
			ContributionError
		);
		await expect(service.replace(token, { ...contribution(10), name: 'Nancy' })).rejects.toThrow(
			ContributionError
		);
		expect(await store.list()).toEqual(before);
	});

	it('refuses a benchmark of an unknown questionnaire or version', async () => {
		await expect(service.benchmark(query({ questionnaire: 'z' }))).rejects.toMatchObject({
			code: 'unknown_questionnaire'
		});
		await expect(service.benchmark(query({ version: 9 }))).rejects.toThrow(BenchmarkQueryError);
	});

	it('flags the demo set, and leaves it out once real contributions exist', async () => {
		const demo = [10, 20, 30, 40, 50].map((s) => toRecord(contribution(s), true));
		await store.addMany(demo);
		await service.cache.refresh(); // a write by another process (the seed command)
		expect(await read(query())).toMatchObject({ synthetic: true, overall: { n: 5 } });
		await service.contribute(contribution(99));
		expect(await read(query())).toMatchObject({ synthetic: false, cohort: null });
	});

	it('serves the same response until the figures change, found by its query string', async () => {
		for (const s of [10, 20, 30, 40, 50]) await service.contribute(contribution(s));
		const search = '?questionnaire=x&version=2&type=commune&band=3500-9999&region=44';
		expect(service.cached(search)).toBeUndefined();
		const first = await service.benchmark(query(), search);
		expect(service.cached(search)).toBe(first);
		await service.contribute(contribution(60));
		expect(service.cached(search)).toBeUndefined();
		const second = await service.benchmark(query(), search);
		expect(second.etag).not.toBe(first.etag);
	});
});
