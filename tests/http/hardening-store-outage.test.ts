/**
 * A store that cannot be reached answers 503 JSON with `Retry-After`, never a 500 page: on
 * PostgreSQL stopped under a running server, and on an SQLite file locked by another process
 * past its busy_timeout. Reads keep serving the figures in memory.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '../../src/lib/server/http/errors.ts';
import { openContribution, startApi, storeSnapshot, thisYear } from '../support/api.ts';
import { openCampaign } from '../support/participation.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from '../support/postgres.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
const query = '/api/benchmarks?questionnaire=donnees&version=1&type=commune';

const post = (url: string) =>
	fetch(url + '/api/contributions', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(openContribution())
	});

/** Checks a 503 `store_unavailable` answer, as JSON with Retry-After and no-store. */
async function expectUnavailable(res: Response) {
	expect(res.status).toBe(503);
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(res.headers.get('cache-control')).toBe('no-store');
	expect(await res.json()).toEqual({
		code: 'store_unavailable',
		message: expect.stringMatching(/benchmark store cannot be reached/) as unknown
	});
}

describe.skipIf(!withPostgres)('PostgreSQL stopped under a running server', () => {
	let db: RunningPostgres | null = null;
	let server: RunningServer;
	let logs = '';
	beforeAll(async () => {
		db = await startPostgres();
		const url = await db!.database('outage');
		openCampaign({ DATABASE_URL: url }, thisYear);
		server = await startBuiltServer({ DATABASE_URL: url, OPEN_PARTICIPATION: 'on' });
		server.process.stderr?.on('data', (d) => (logs += d));
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		db?.stop();
	});

	it('the PostgreSQL errors of a connection cut by the server are outages; a bad query is not', async () => {
		const victim = new pg.Client({ connectionString: db!.url });
		const killer = new pg.Client({ connectionString: db!.url });
		await Promise.all([victim.connect(), killer.connect()]);
		const lost: unknown[] = [];
		victim.on('error', (e) => lost.push(e));
		try {
			const syntax = await victim.query('SELEC 1').catch((e: unknown) => e);
			expect(syntax).toMatchObject({ code: '42601' });
			expect(isStoreUnavailable(syntax)).toBe(false);
			const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
			await killer.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
			// The server's last word to the terminated backend (57P01 admin_shutdown), then the
			// client's own (the socket closed, the client unusable), in an order that may vary.
			await expect.poll(() => lost.length).toBeGreaterThan(0);
			const next = await victim.query('SELECT 1').catch((e: unknown) => e);
			const all = [...lost, next];
			expect(all.map((e) => (e as { code?: string }).code)).toContain('57P01');
			expect(all.map((e) => (e as Error).message).join('\n')).toMatch(
				/Connection terminated unexpectedly|not queryable/
			);
			expect(all.filter((e) => !isStoreUnavailable(e))).toEqual([]);
		} finally {
			await Promise.all([victim.end().catch(() => {}), killer.end()]);
		}
	});

	it('answers 503 JSON with Retry-After to a write, and keeps serving reads', async () => {
		expect((await post(server.url)).status).toBe(201);
		db!.stop();
		db = null;
		await expectUnavailable(await post(server.url));
		await expectUnavailable(await post(server.url)); // and again: the pool does not recover by itself
		expect((await fetch(server.url + query)).status).toBe(200);
		expect(logs).toMatch(/numeriscope: the benchmark store is unavailable \(ECONNREFUSED/);
		expect(logs).not.toMatch(/numeriscope: error [0-9a-f]{8}/);
	});
});

describe('an SQLite store locked by another process past busy_timeout', () => {
	let api: Awaited<ReturnType<typeof startApi>>;
	beforeAll(async () => {
		api = await startApi({ OPEN_PARTICIPATION: 'on' }, (db) => openCampaign(db, thisYear));
	});
	afterAll(() => api?.close());

	it('answers 503 JSON with Retry-After, and stores nothing', async () => {
		const before = storeSnapshot(api.db);
		const holder = new Database(api.db);
		try {
			holder.exec('BEGIN EXCLUSIVE');
			await expectUnavailable(await post(api.url));
		} finally {
			holder.exec('ROLLBACK');
			holder.close();
		}
		expect(storeSnapshot(api.db)).toEqual(before);
		expect((await post(api.url)).status).toBe(201); // the lock gone, writes resume
	});
});
