/**
 * Publication of editions against real SQLite and real PostgreSQL: one transaction, numbered
 * editions, member snapshots, the methodology, nothing written when nothing is new, and two
 * concurrent publications that cannot both get the same number.
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import { questionnaire, single } from '../../src/lib/domain/testing.ts';
import { PublishError, publishEdition } from '../../src/lib/server/editions/publish.ts';
import {
	OPEN_PARTICIPATION,
	VOLUNTEERS,
	type Methodology
} from '../../src/lib/server/editions/methodology.ts';
import { insertCampaign } from '../../src/lib/server/store/campaigns.ts';
import {
	insertContributions,
	latestEditions,
	listEditions,
	listLive,
	type NewContribution
} from '../../src/lib/server/store/editions.ts';
import { migrate } from '../../src/lib/server/store/kysely-store.ts';
import type { StoreSchema } from '../../src/lib/server/store/schema.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from '../support/postgres.ts';

const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
const catalog = createCatalog([
	questionnaire([single('q1', [0, 100], { theme: 'a' }), single('q2', [0, 100], { theme: 'b' })], {
		id: 'x'
	})
]);
const K = 5;

let dir: string;
let pgServer: RunningPostgres | null = null;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'numeriscope-editions-'));
	if (withPostgres) pgServer = await startPostgres();
}, 60_000);
afterAll(() => {
	pgServer?.stop();
	rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const backends = [
	{
		name: 'SQLite',
		async open(): Promise<Kysely<StoreSchema>> {
			const database = new Database(join(dir, `editions-${++files}.sqlite`));
			database.pragma('journal_mode = WAL');
			const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database }) });
			await migrate(db, 'sqlite');
			return db;
		}
	},
	{
		name: 'PostgreSQL',
		async open(): Promise<Kysely<StoreSchema>> {
			if (!pgServer) throw new Error('PostgreSQL did not start');
			const pool = new pg.Pool({ connectionString: await pgServer.database('editions') });
			const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
			await migrate(db, 'postgres');
			return db;
		}
	}
];

const row = (score: number, over: Partial<NewContribution> = {}): NewContribution => ({
	campaign: 2026,
	questionnaire: 'x',
	version: 1,
	type: 'commune',
	band: '3500-9999',
	region: '44',
	scores: { overall: score, themes: { a: score, b: 100 - score } },
	synthetic: false,
	source: 'invited',
	...over
});

/** Every row of every edition table, sorted: equal dumps mean nothing was written. */
async function dump(db: Kysely<StoreSchema>) {
	const out: Record<string, unknown[]> = {};
	for (const t of ['editions', 'edition_cells', 'edition_members', 'contributions'] as const)
		out[t] = (await db.selectFrom(t).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
	return out;
}

describe.each(backends.filter((b) => withPostgres || b.name !== 'PostgreSQL'))(
	'editions on $name',
	({ name, open }) => {
		let db: Kysely<StoreSchema>;
		beforeAll(async () => {
			db = await open();
			await insertCampaign(db, {
				year: 2026,
				collects: [{ questionnaire: 'x', version: 1 }],
				closes: null,
				status: 'open',
				synthetic: false
			});
		}, 30_000);
		afterAll(() => db?.destroy());

		it('refuses a campaign that does not exist, writing nothing', async () => {
			const before = await dump(db);
			await expect(publishEdition(db, catalog, { campaign: 2031, k: K })).rejects.toMatchObject({
				code: 'unknown_campaign'
			});
			expect(await dump(db)).toEqual(before);
		});

		it('publishes a first edition with its cells, snapshot and methodology', async () => {
			await insertContributions(
				db,
				[1, 2, 3, 4, 5, 6].map((s) => row(s * 10))
			);
			await insertContributions(db, [row(70, { source: 'open' })]);
			const r = await publishEdition(db, catalog, {
				campaign: 2026,
				k: K,
				publishedOn: '2026-11-30'
			});
			expect(r).toEqual({
				status: 'published',
				campaign: 2026,
				number: 1,
				counts: { published: 3, carried: 0, suppressed: 0, dropped: 0 }
			});
			const [e] = await listEditions(db, 2026);
			expect(e).toMatchObject({ number: 1, publishedOn: '2026-11-30', synthetic: false });
			expect(e!.cells.map((c) => [c.cohort, c.n, c.computedIn])).toEqual([
				['commune', 7, 1],
				['commune/3500-9999', 7, 1],
				['commune/3500-9999/44', 7, 1]
			]);
			const m = e!.methodology as Methodology;
			expect(m).toMatchObject({
				k: K,
				collection: { campaign: 2026, closes: null, status: 'open' },
				contributions: { x: { invited: 6, open: 1, import: 0, demo: 0 } },
				sources: ['invited', 'open'],
				participation: null,
				synthetic: false
			});
			expect(m.caveats).toEqual([VOLUNTEERS, OPEN_PARTICIPATION]);
			const snapshot = await db.selectFrom('edition_members').selectAll().execute();
			expect(snapshot).toHaveLength(7);
			expect(await latestEditions(db)).toEqual([{ campaign: 2026, number: 1 }]);
		});

		it('publishing again with nothing new writes nothing', async () => {
			const before = await dump(db);
			const r = await publishEdition(db, catalog, { campaign: 2026, k: K });
			expect(r).toMatchObject({ status: 'unchanged', number: 1, counts: { carried: 3 } });
			expect(await dump(db)).toEqual(before);
		});

		it('carries figures over below k changes, and counts invitations', async () => {
			await insertContributions(db, [row(99), row(98)]);
			await sql`INSERT INTO invitations VALUES ('h1', 2026, '44109', 'commune', '3500-9999', '44'),
				('h2', 2026, '44110', 'commune', '3500-9999', '44')`.execute(db);
			await sql`INSERT INTO issuances VALUES ('h1', 'x', 'b1', 's1')`.execute(db);
			// Only two changes: no cell gets new figures, so nothing is published.
			expect(await publishEdition(db, catalog, { campaign: 2026, k: K })).toMatchObject({
				status: 'unchanged'
			});
			// Withdrawing three more reaches k changes (2 added + 3 withdrawn): new figures.
			const ids = (await listLive(db, 2026))
				.filter((c) => c.scores.overall <= 60)
				.slice(0, 3)
				.map((c) => c.id);
			await db.updateTable('contributions').set({ scores: null }).where('id', 'in', ids).execute();
			const r = await publishEdition(db, catalog, { campaign: 2026, k: K });
			expect(r).toMatchObject({ status: 'published', number: 2, counts: { published: 3 } });
			const e = (await listEditions(db, 2026))[1]!;
			expect(e.cells.map((c) => [c.n, c.computedIn])).toEqual([
				[6, 2],
				[6, 2],
				[6, 2]
			]);
			expect((e.methodology as Methodology).participation).toEqual({
				invitationsIssued: 2,
				invitationsRedeemed: 1,
				rate: 0.5
			});
		});

		it.runIf(name === 'PostgreSQL')(
			'lets only one of two concurrent publications write the next number',
			async () => {
				await insertContributions(
					db,
					[1, 2, 3, 4, 5].map((s) => row(s, { region: '84' }))
				);
				let arrived = 0;
				let release!: () => void;
				const both = new Promise<void>((r) => (release = r));
				// Each publication waits, after reading, until the other has read too.
				const beforeWrite = async () => {
					if (++arrived === 2) release();
					await both;
				};
				const results = await Promise.allSettled([
					publishEdition(db, catalog, { campaign: 2026, k: K, beforeWrite }),
					publishEdition(db, catalog, { campaign: 2026, k: K, beforeWrite })
				]);
				const won = results.filter((r) => r.status === 'fulfilled');
				const lost = results.filter((r) => r.status === 'rejected');
				expect(won).toHaveLength(1);
				expect(lost).toHaveLength(1);
				expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(PublishError);
				expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
					code: 'concurrent_publication'
				});
				expect((await listEditions(db, 2026)).map((e) => e.number)).toEqual([1, 2, 3]);
				const members = await db
					.selectFrom('edition_members')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('number', '=', 3)
					.executeTakeFirstOrThrow();
				expect(Number(members.n)).toBe(11);
			}
		);
	}
);
