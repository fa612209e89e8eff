/**
 * The repository suite: the same tests against a real SQLite file and a real PostgreSQL server
 * started on a loopback port. Under CI=true, PostgreSQL must start; elsewhere, without
 * PostgreSQL installed, its half is skipped with a message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/lib/server/store/postgres.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import type { BenchmarkStore, ContributionRecord } from '../../src/lib/server/store/types.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from '../support/postgres.ts';

const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
if (!withPostgres)
	console.warn('PostgreSQL is not installed: the PostgreSQL half of the store suite is skipped');

const record = (over: Partial<ContributionRecord> = {}): ContributionRecord => ({
	questionnaire: 'donnees',
	version: 1,
	campaign: 2026,
	type: 'commune',
	band: '3500-9999',
	region: '44',
	scores: { overall: 55, themes: { gouvernance: 40, ouverture: 70 } },
	synthetic: false,
	...over
});

let dir: string;
let pg: RunningPostgres | null = null;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'numeriscope-store-'));
	pg = await startPostgres();
	if (!pg)
		console.warn('PostgreSQL is not installed: the PostgreSQL half of the store suite is skipped');
}, 60_000);
afterAll(() => {
	pg?.stop();
	rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const backends: {
	name: string;
	open: () => Promise<{ url: string; store: BenchmarkStore }>;
	reopen: (url: string) => Promise<BenchmarkStore>;
}[] = [
	{
		name: 'SQLite',
		async open() {
			const url = join(dir, `store-${++files}.sqlite`);
			return { url, store: await openSqliteStore(url) };
		},
		reopen: openSqliteStore
	},
	{
		name: 'PostgreSQL',
		async open() {
			if (!pg) throw new Error('PostgreSQL did not start');
			const url = await pg.database('store');
			return { url, store: await openPostgresStore(url) };
		},
		reopen: openPostgresStore
	}
];

describe.each(backends.filter((b) => withPostgres || b.name !== 'PostgreSQL'))(
	'the $name store',
	({ open, reopen }) => {
		let store: BenchmarkStore;
		let url: string;
		beforeAll(async () => {
			({ store, url } = await open());
		}, 30_000);
		afterAll(() => store?.close());
		const fresh = async () => {
			await store.close();
			({ store, url } = await open());
		};

		it('is created and migrated on first open, and reopens with its data', async () => {
			await store.add(record(), 'a'.repeat(64));
			await store.close();
			store = await reopen(url);
			expect(await store.count()).toBe(1);
			expect(await store.list()).toEqual([record()]);
		});

		it('stores a contribution and lists it back as it was', async () => {
			await fresh();
			const synthetic = record({ type: 'region', band: '1000000+', region: '11', synthetic: true });
			await store.add(record(), null);
			await store.add(synthetic, null);
			expect(await store.list()).toEqual([record(), synthetic]);
			expect(await store.count({ synthetic: true })).toBe(1);
			expect(await store.count({ synthetic: false })).toBe(1);
		});

		it('refuses a second contribution with the same token and changes nothing', async () => {
			await fresh();
			await store.add(record(), 'b'.repeat(64));
			const before = await store.revisions();
			await expect(store.add(record({ campaign: 2025 }), 'b'.repeat(64))).rejects.toThrow();
			expect(await store.count()).toBe(1);
			expect(await store.revisions()).toEqual(before);
		});

		it('replaces and withdraws by token, bumping the revision of every group touched', async () => {
			await fresh();
			await store.add(record(), 'c'.repeat(64));
			expect(await store.revisions()).toEqual([
				{ questionnaire: 'donnees', campaign: 2026, revision: 1 }
			]);
			const moved = record({
				campaign: 2025,
				scores: { overall: 90, themes: { gouvernance: 90 } }
			});
			expect(await store.replace('c'.repeat(64), moved)).toBe(true);
			expect(await store.list()).toEqual([moved]);
			expect(await store.revisions()).toEqual([
				{ questionnaire: 'donnees', campaign: 2025, revision: 1 },
				{ questionnaire: 'donnees', campaign: 2026, revision: 2 }
			]);
			expect(await store.replace('d'.repeat(64), record())).toBe(false);
			expect(await store.withdraw('d'.repeat(64))).toBe(false);
			expect(await store.withdraw('c'.repeat(64))).toBe(true);
			expect(await store.count()).toBe(0);
			expect((await store.revisions())[0]).toEqual({
				questionnaire: 'donnees',
				campaign: 2025,
				revision: 2
			});
		});

		it('lists one group', async () => {
			await fresh();
			await store.addMany([
				record(),
				record({ campaign: 2025 }),
				record({ questionnaire: 'inclusion' })
			]);
			expect(await store.list({ questionnaire: 'donnees', campaign: 2025 })).toEqual([
				record({ campaign: 2025 })
			]);
		});

		it('imports all or nothing, even past the first batch', async () => {
			await fresh();
			await store.add(record(), null);
			const rows = Array.from({ length: 2500 }, (_, i) => record({ campaign: 2024 + (i % 3) }));
			rows[1800] = record({ questionnaire: null as unknown as string });
			await expect(store.addMany(rows)).rejects.toThrow();
			expect(await store.count()).toBe(1);
			expect(await store.revisions()).toHaveLength(1);
			rows[1800] = record();
			await store.addMany(rows);
			expect(await store.count()).toBe(2501);
		});

		it('replaces the demo set in one transaction', async () => {
			await fresh();
			await store.add(record(), 'e'.repeat(64));
			await store.addMany([
				record({ synthetic: true, campaign: 2025 }),
				record({ synthetic: true })
			]);
			await store.addMany([record({ synthetic: true, questionnaire: 'inclusion' })], {
				removeSynthetic: true
			});
			expect(await store.count({ synthetic: true })).toBe(1);
			expect(await store.count()).toBe(2);
			expect(await store.revisions()).toEqual([
				{ questionnaire: 'donnees', campaign: 2025, revision: 2 },
				{ questionnaire: 'donnees', campaign: 2026, revision: 3 },
				{ questionnaire: 'inclusion', campaign: 2026, revision: 1 }
			]);
		});

		it('keeps every one of many concurrent writes', async () => {
			await fresh();
			const hashes = Array.from({ length: 60 }, (_, i) => i.toString(16).padStart(64, '0'));
			await Promise.all(hashes.map((h, i) => store.add(record({ version: 1 + (i % 2) }), h)));
			expect(await store.count()).toBe(60);
			expect((await store.revisions())[0]!.revision).toBe(60);
			await Promise.all(hashes.slice(0, 30).map((h) => store.withdraw(h)));
			expect(await store.count()).toBe(30);
		});
	}
);
