/**
 * `store.writeStatement` and the prepared contribution insert, against a real SQLite file and a
 * real PostgreSQL server: the one-statement write stores a contribution once, refuses a spent
 * token and a closed campaign, and on PostgreSQL runs as a named prepared statement.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCampaign, setCampaignStatus } from '../../src/lib/server/store/campaigns.ts';
import {
	insertContributionIfOpen,
	type ContributionRow
} from '../../src/lib/server/store/participation.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { storeBackends } from '../support/stores.ts';

const backends = storeBackends('write');

const row = (tokenHash = randomBytes(32).toString('hex')): ContributionRow => ({
	id: randomBytes(16).toString('hex'),
	token_hash: tokenHash,
	campaign: 2026,
	questionnaire: 'donnees',
	version: 2,
	territory_type: 'commune',
	band: '10000-29999',
	region: '44',
	scores: JSON.stringify({ overall: 50, themes: { rgpd: 50 } }),
	synthetic: 0,
	source: 'invited'
});

describe.each(backends)('one-statement writes on $name', ({ name, open }) => {
	let store: BenchmarkStore;
	beforeAll(async () => {
		store = await open();
		await insertCampaign(store.db, {
			year: 2026,
			collects: [{ questionnaire: 'donnees', version: 2 }],
			closes: '2026-12-31',
			status: 'open',
			synthetic: false
		});
	}, 60_000);
	afterAll(() => store?.close());

	const write = (r: ContributionRow, day = '2026-11-30') =>
		store.writeStatement((db) => insertContributionIfOpen(db, r, day));

	it('stores a contribution once: the same token again is refused, nothing else changes', async () => {
		const first = row();
		expect(await write(first)).toBe(true);
		expect(await write({ ...row(first.token_hash!), scores: '{"overall":100}' })).toBe(false);
		const rows = await store.db
			.selectFrom('contributions')
			.select(['id', 'scores'])
			.where('token_hash', '=', first.token_hash!)
			.execute();
		expect(rows).toEqual([{ id: first.id, scores: first.scores }]);
	});

	it('refuses a campaign past its closing day, or closed, in the same statement', async () => {
		expect(await write(row(), '2027-01-01')).toBe(false);
		await setCampaignStatus(store.db, 2026, 'closed');
		expect(await write(row())).toBe(false);
		await setCampaignStatus(store.db, 2026, 'open');
		expect(await write(row())).toBe(true);
		expect(await store.count()).toBe(2);
	});

	it('many at once: each answered once its row is stored', async () => {
		const rows = Array.from({ length: 40 }, () => row());
		expect(await Promise.all(rows.map((r) => write(r)))).toEqual(rows.map(() => true));
		expect(await store.count()).toBe(42);
	});

	// PostgreSQL only (SQLite reads the mark as a comment; better-sqlite3 caches statements).
	if (name === 'PostgreSQL')
		it('runs as a prepared statement, parsed once per connection', async () => {
			// One write after the other: the pool hands out its last idle connection, this one.
			for (let i = 0; i < 3; i++) expect(await write(row())).toBe(true);
			const prepared = await sql<{
				name: string;
			}>`SELECT name FROM pg_prepared_statements`.execute(store.db);
			expect(prepared.rows.map((r) => r.name)).toContain('contribution_insert_if_open');
		});
});
