/**
 * The repository suite: the same tests against a real SQLite file and a real PostgreSQL server
 * started on a loopback port. Under CI=true, PostgreSQL must start; elsewhere, without
 * PostgreSQL installed, its half is skipped with a message.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/lib/server/store/postgres.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import {
	insertContributions,
	listLive,
	type NewContribution
} from '../../src/lib/server/store/editions.ts';
import { insertContribution } from '../../src/lib/server/store/participation.ts';
import { randomId } from '../../src/lib/server/store/schema.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from '../support/postgres.ts';

const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
if (!withPostgres)
	console.warn('PostgreSQL is not installed: the PostgreSQL half of the store suite is skipped');

const record = (over: Partial<NewContribution> = {}): NewContribution => ({
	questionnaire: 'donnees',
	version: 1,
	campaign: 2026,
	type: 'commune',
	band: '3500-9999',
	region: '44',
	scores: { overall: 55, themes: { gouvernance: 40, ouverture: 70 } },
	synthetic: false,
	source: 'import',
	...over
});
/** Bulk inserts run inside a transaction: all rows or none. */
const insert = (store: BenchmarkStore, rows: NewContribution[]) =>
	store.db.transaction().execute((tx) => insertContributions(tx, rows));
/** What a live row says, as it was given. */
const live = async (store: BenchmarkStore, campaign: number) =>
	(await listLive(store.db, campaign)).map((c) => ({
		campaign: c.campaign,
		questionnaire: c.questionnaire,
		version: c.version,
		...c.cohort,
		scores: c.scores,
		synthetic: c.synthetic,
		source: c.source
	}));

/** An invited contribution's row, its token hash made from `i`. */
const row = (i: number) => ({
	id: randomId(),
	token_hash: i.toString(16).padStart(64, '0'),
	campaign: 2026,
	questionnaire: 'donnees',
	version: 1,
	territory_type: 'commune',
	band: '3500-9999',
	region: '44',
	scores: '{"overall":50,"themes":{}}',
	synthetic: 0,
	source: 'invited'
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
			await insert(store, [record()]);
			await store.close();
			store = await reopen(url);
			expect(await store.count()).toBe(1);
			expect(await live(store, 2026)).toEqual([record()]);
		});

		it('imports all or nothing, even past the first batch, with random ids', async () => {
			await fresh();
			await insert(store, [record()]);
			const rows = Array.from({ length: 2500 }, (_, i) => record({ campaign: 2024 + (i % 3) }));
			rows[1800] = record({ questionnaire: null as unknown as string });
			await expect(insert(store, rows)).rejects.toThrow();
			expect(await store.count()).toBe(1);
			rows[1800] = record();
			await insert(store, rows);
			expect(await store.count()).toBe(2501);
			expect(await live(store, 2025)).toHaveLength(833);
			const ids = await store.db.selectFrom('contributions').select(['id', 'source']).execute();
			expect(new Set(ids.map((r) => r.id)).size).toBe(2501);
			expect(ids.every((r) => /^[A-Za-z0-9_-]{22}$/.test(r.id) && r.source === 'import')).toBe(
				true
			);
		});

		it('replaces the demo set in one transaction: a failed replacement keeps the old one', async () => {
			await fresh();
			await insert(store, [record()]);
			await insert(store, [
				record({ synthetic: true, source: 'demo', campaign: 2025 }),
				record({ synthetic: true, source: 'demo' })
			]);
			const replace = (rows: NewContribution[]) =>
				store.db.transaction().execute(async (tx) => {
					await tx.deleteFrom('contributions').where('synthetic', '=', 1).execute();
					await insertContributions(tx, rows);
				});
			const bad = record({ synthetic: true, source: 'demo', version: null as unknown as number });
			await expect(replace([bad])).rejects.toThrow();
			expect(await store.count({ synthetic: true })).toBe(2);
			await replace([record({ synthetic: true, source: 'demo', questionnaire: 'inclusion' })]);
			expect(await store.count({ synthetic: true })).toBe(1);
			expect(await store.count()).toBe(2);
		});

		it('keeps every one of many concurrent writes; a failing one fails alone', async () => {
			await fresh();
			const outcomes = await Promise.allSettled(
				Array.from({ length: 60 }, (_, i) =>
					store.write((tx) =>
						i === 30
							? insertContribution(tx, { ...row(i), questionnaire: null as unknown as string })
							: insertContribution(tx, row(i % 50))
					)
				)
			);
			expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
			// Tokens 0–49 but 30 are stored; the 10 repeats (50–59 → 0–9) found theirs spent.
			const values = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
			expect(values.filter((v) => v === true)).toHaveLength(49);
			expect(values.filter((v) => v === false)).toHaveLength(10);
			expect(await store.count()).toBe(49);
		});
	}
);

describe('the SQLite store, locked by another process past busy_timeout', () => {
	it('fails a batch of writes at once, rather than each after one more busy_timeout', async () => {
		const path = join(dir, 'locked.sqlite');
		const store = await openSqliteStore(path);
		const holder = new Database(path);
		try {
			holder.exec('BEGIN IMMEDIATE');
			const writes = Array.from({ length: 3 }, (_, i) =>
				store
					.write((tx) => insertContribution(tx, row(i)))
					.then(
						() => 'stored',
						(e: { code?: string }) => e.code
					)
			);
			// The lock goes as soon as one write has its answer: writes retried one by one after
			// the batch failed would then go in.
			await Promise.race(writes);
			holder.exec('ROLLBACK');
			expect(await Promise.all(writes)).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY', 'SQLITE_BUSY']);
			expect(await store.count()).toBe(0);
		} finally {
			if (holder.inTransaction) holder.exec('ROLLBACK');
			holder.close();
			await store.close();
		}
	});
});
