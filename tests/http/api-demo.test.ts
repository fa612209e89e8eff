/**
 * The demo on an empty embedded store: two synthetic, closed campaigns published as editions,
 * the current year's campaign opened, everything from the demo flagged synthetic.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkSchema } from '../../src/lib/domain/benchmark.ts';
import { listCampaigns } from '../../src/lib/server/store/campaigns.ts';
import { insertContributions, listEditions } from '../../src/lib/server/store/editions.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import { startApi, thisYear, type ApiServer } from '../support/api.ts';
import { dumpStore } from '../support/editions.ts';
import { startBuiltServer } from '../support/server.ts';

let api: ApiServer;
beforeAll(async () => {
	api = await startApi({ DEMO_DATA: 'on' });
}, 60_000);
afterAll(() => api?.close());

/** The demo answers the latest version of each questionnaire. */
const chain = { questionnaire: 'donnees', version: '2', type: 'commune' };
const narrow = { ...chain, band: '3500-9999', region: '44' };
const get = async (query: Record<string, string> = narrow) =>
	benchmarkSchema.parse(
		await (await fetch(`${api.url}/api/benchmarks?${new URLSearchParams(query)}`)).json()
	);

const withStore = async <T>(f: (s: Awaited<ReturnType<typeof openSqliteStore>>) => Promise<T>) => {
	const store = await openSqliteStore(api.db);
	try {
		return await f(store);
	} finally {
		await store.close();
	}
};

describe('the demo', () => {
	it('publishes two synthetic, closed campaigns and opens the current one', async () => {
		const campaigns = await withStore((s) => listCampaigns(s.db));
		expect(campaigns.map((c) => [c.year, c.status, c.synthetic, c.closes])).toEqual([
			[thisYear, 'open', false, null],
			[thisYear - 1, 'closed', true, `${thisYear - 1}-12-15`],
			[thisYear - 2, 'closed', true, `${thisYear - 2}-12-15`]
		]);
		for (const c of campaigns)
			expect(c.collects.map((x) => `${x.questionnaire}@${x.version}`)).toEqual([
				'cybersecurite@2',
				'donnees@2',
				'gouvernance@2',
				'inclusion@2',
				'relation-citoyen@2'
			]);
		const editions = await withStore((s) => listEditions(s.db, thisYear - 1));
		expect(editions).toHaveLength(1);
		expect(editions[0]!.cells.length).toBeGreaterThan(100);
		expect(editions[0]!.methodology).toMatchObject({ synthetic: true, sources: ['demo'] });
	});

	it('serves the latest demo edition by default, flagged synthetic and named', async () => {
		const b = await get();
		expect(b).toMatchObject({
			synthetic: true,
			campaign: thisYear - 1,
			fellBack: false,
			edition: { campaign: thisYear - 1, number: 1, synthetic: true }
		});
		expect(b.overall!.n).toBeGreaterThanOrEqual(5);
	});

	it('shows a trend: the later demo campaign scores a little higher', async () => {
		const [older, newer] = await Promise.all([
			get({ ...chain, campaign: String(thisYear - 2) }),
			get({ ...chain, campaign: String(thisYear - 1) })
		]);
		expect(older.synthetic).toBe(true);
		expect(older.edition?.campaign).toBe(thisYear - 2);
		expect(newer.overall!.p50).toBeGreaterThan(older.overall!.p50);
	});

	it('is seeded once: a restart on the same file keeps the store as it is', async () => {
		const before = await withStore((s) => dumpStore(s.db));
		const again = await startBuiltServer({ SQLITE_PATH: api.db, DEMO_DATA: 'on' });
		await again.stop();
		expect(await withStore((s) => dumpStore(s.db))).toEqual(before);
	});

	it('is replaced by benchmarks:seed, which leaves the real campaign alone', async () => {
		await withStore((s) =>
			s.db.transaction().execute((tx) =>
				insertContributions(tx, [
					{
						campaign: thisYear,
						questionnaire: 'donnees',
						version: 1,
						type: 'commune',
						band: '3500-9999',
						region: '44',
						scores: { overall: 50, themes: {} },
						synthetic: false,
						source: 'invited'
					}
				])
			)
		);
		const before = await withStore((s) => dumpStore(s.db));
		execFileSync(process.execPath, ['--import', 'tsx', 'scripts/benchmarks-seed.ts'], {
			env: { ...process.env, SQLITE_PATH: api.db },
			stdio: 'pipe'
		});
		const after = await withStore((s) => dumpStore(s.db));
		const real = (d: typeof before) => ({
			campaigns: d.campaigns!.filter((r) => r.includes(`"year":${thisYear},`)),
			contributions: d.contributions!.filter((r) => r.includes(`"campaign":${thisYear},`))
		});
		expect(real(after)).toEqual(real(before));
		expect(real(after).contributions).toHaveLength(1);
		// The demo rows were drawn again (new random ids), with the same deterministic content.
		expect(after.contributions).not.toEqual(before.contributions);
		expect(after.contributions!.length).toBe(before.contributions!.length);
		expect(after.editions!.length).toBe(2);
	});
});
