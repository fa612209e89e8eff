/**
 * Poisoning, against the built server on real SQLite and real PostgreSQL: contributions to a
 * newer campaign change nothing anyone sees — same bytes, same ETag — until an edition of that
 * campaign is published with cells that pass the rules; publishing again with nothing new
 * changes nothing. Contributions and publications are written from this process, as the
 * command-line tools and other instances would; the server finds editions by polling.
 *
 * To know that the server has polled since a write (without sleeping), a marker campaign gets
 * a new edition after the write: once the server serves the marker, it has seen everything
 * before it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import { publishEdition } from '../../src/lib/server/editions/publish.ts';
import { insertCampaign } from '../../src/lib/server/store/campaigns.ts';
import { insertContributions, type NewContribution } from '../../src/lib/server/store/editions.ts';
import { openPostgresStore } from '../../src/lib/server/store/postgres.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { questionnaires } from '../support/api.ts';
import { dumpStore, getBenchmark, until } from '../support/editions.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from '../support/postgres.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
const catalog = createCatalog(questionnaires);
const donnees = catalog.get('donnees', 1)!;
const K = 5;
const [MARKER, OLD, NEW] = [2024, 2025, 2026];

let dir: string;
let pg: RunningPostgres | null = null;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'numeriscope-editions-http-'));
	if (withPostgres) pg = await startPostgres();
}, 60_000);
afterAll(() => {
	pg?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const backends = [
	{
		name: 'SQLite',
		async open(): Promise<{ store: BenchmarkStore; env: Record<string, string> }> {
			const path = join(dir, 'store.sqlite');
			return { store: await openSqliteStore(path), env: { SQLITE_PATH: path } };
		}
	},
	{
		name: 'PostgreSQL',
		async open(): Promise<{ store: BenchmarkStore; env: Record<string, string> }> {
			if (!pg) throw new Error('PostgreSQL did not start');
			const url = await pg.database('poisoning');
			return { store: await openPostgresStore(url), env: { DATABASE_URL: url } };
		}
	}
];

const row = (campaign: number, score: number, region = '44'): NewContribution => ({
	campaign,
	questionnaire: 'donnees',
	version: 1,
	type: 'commune',
	band: '3500-9999',
	region,
	scores: {
		overall: score,
		themes: Object.fromEntries(donnees.themes.map((t) => [t.id, score]))
	},
	synthetic: false,
	source: 'invited'
});

/** What readers ask: the default campaign, each campaign, the wider cohorts, another questionnaire. */
const queries: Record<string, string>[] = [
	{ questionnaire: 'donnees', version: '1', type: 'commune', band: '3500-9999', region: '44' },
	{ questionnaire: 'donnees', version: '1', type: 'commune', band: '3500-9999' },
	{ questionnaire: 'donnees', version: '1', type: 'commune' },
	{ questionnaire: 'donnees', version: '1', type: 'commune', campaign: String(OLD) },
	{ questionnaire: 'donnees', version: '1', type: 'commune', campaign: String(NEW) },
	{ questionnaire: 'inclusion', version: '1', type: 'commune' }
];

describe.each(backends.filter((b) => withPostgres || b.name !== 'PostgreSQL'))(
	'poisoning on $name',
	({ open }) => {
		let store: BenchmarkStore;
		let server: RunningServer;
		let markers = 0;
		beforeAll(async () => {
			let env;
			({ store, env } = await open());
			for (const [year, status] of [
				[MARKER, 'closed'],
				[OLD, 'closed'],
				[NEW, 'open']
			] as const)
				await insertCampaign(store.db, {
					year,
					collects: [{ questionnaire: 'donnees', version: 1 }],
					closes: null,
					status,
					synthetic: false
				});
			await add(Array.from({ length: 10 }, (_, i) => row(OLD, 40 + i)));
			await publish(OLD);
			server = await startBuiltServer({ ...env, DEMO_DATA: 'off', BENCHMARK_REFRESH_MS: '100' });
		}, 60_000);
		afterAll(async () => {
			await server?.stop();
			await store?.close();
		});

		const add = (rows: NewContribution[]) =>
			store.db.transaction().execute((tx) => insertContributions(tx, rows));
		const publish = (campaign: number) => publishEdition(store.db, catalog, { campaign, k: K });
		const views = () => Promise.all(queries.map((q) => getBenchmark(server.url, q)));
		/** Publishes one more marker edition and waits until the server serves it. */
		async function serverHasPolled() {
			await add(Array.from({ length: K }, (_, i) => row(MARKER, markers * 10 + i, '84')));
			markers++;
			expect(await publish(MARKER)).toMatchObject({ status: 'published', number: markers });
			const q = { ...queries[2]!, campaign: String(MARKER) };
			await until(`marker edition ${markers} served`, async () => {
				const b = JSON.parse((await getBenchmark(server.url, q)).body);
				return b.edition?.number === markers;
			});
		}

		it('serves the published edition of the older campaign', async () => {
			const [first] = await views();
			expect(first!.status).toBe(200);
			expect(JSON.parse(first!.body)).toMatchObject({
				campaign: OLD,
				edition: { campaign: OLD, number: 1 },
				overall: { n: 10 }
			});
		});

		it('shows nothing of a newer campaign’s contributions until a passing edition is published', async () => {
			const before = await views();
			// Five fakes in the newer campaign, all at 0: today's design showed them at once.
			await add(Array.from({ length: K - 1 }, () => row(NEW, 0)));
			await serverHasPolled();
			expect(await views()).toEqual(before);
			// An edition of the newer campaign with no cell that passes (n = 4 < k): still nothing.
			expect(await publish(NEW)).toMatchObject({ status: 'published', number: 1 });
			await add([row(NEW, 0)]);
			await serverHasPolled();
			const after = await views();
			// Asked for by name, the newer campaign names its edition, with still no figure.
			const named = JSON.parse(after[4]!.body);
			expect(named).toMatchObject({ edition: { campaign: NEW, number: 1 }, overall: null });
			expect({ ...named, edition: null }).toEqual(JSON.parse(before[4]!.body));
			after.splice(4, 1);
			before.splice(4, 1);
			expect(after).toEqual(before);
			// A client revalidating its copy gets 304 for every other view.
			for (const [i, q] of queries.filter((_, j) => j !== 4).entries()) {
				const res = await fetch(`${server.url}/api/benchmarks?${new URLSearchParams(q)}`, {
					headers: { 'if-none-match': before[i]!.etag! }
				});
				expect(res.status).toBe(304);
			}
		});

		it('publishing twice with nothing new changes nothing', async () => {
			expect(await publish(NEW)).toMatchObject({ status: 'published', number: 2 });
			await serverHasPolled();
			const before = await views();
			const stored = await dumpStore(store.db);
			expect(await publish(NEW)).toMatchObject({ status: 'unchanged', number: 2 });
			expect(await publish(OLD)).toMatchObject({ status: 'unchanged', number: 1 });
			await serverHasPolled();
			const marker = (d: Record<string, string[]>) =>
				Object.fromEntries(
					Object.entries(d).map(([t, rows]) => [
						t,
						rows.filter((r) => !r.includes(`"campaign":${MARKER}`))
					])
				);
			expect(marker(await dumpStore(store.db))).toEqual(marker(stored));
			expect(await views()).toEqual(before);
		});

		it('shows the newer campaign once its edition publishes a cell that passes', async () => {
			const [narrow] = await views();
			const b = JSON.parse(narrow!.body);
			expect(b).toMatchObject({ campaign: NEW, edition: { campaign: NEW, number: 2 } });
			expect(b.overall).toMatchObject({ n: K, p50: 0 });
		});
	}
);
