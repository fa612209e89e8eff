/**
 * The built server on PostgreSQL (DATABASE_URL), as several instances behind a load balancer
 * would run it: two servers share one database and see each other's contributions. Under
 * CI=true PostgreSQL must start; elsewhere, without it, this file is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkSchema } from '../../src/lib/domain/benchmark.ts';
import { contribution } from '../support/api.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from '../support/postgres.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
if (!withPostgres)
	console.warn('PostgreSQL is not installed: the PostgreSQL HTTP tests are skipped');

let pg: RunningPostgres | null = null;
let a: RunningServer;
let b: RunningServer;
let logs = '';
beforeAll(async () => {
	if (!withPostgres) return;
	pg = await startPostgres();
	const env = { DATABASE_URL: await pg!.database('http'), BENCHMARK_REFRESH_MS: '200' };
	[a, b] = await Promise.all([startBuiltServer(env), startBuiltServer(env)]);
	for (const s of [a, b]) s.process.stderr?.on('data', (d) => (logs += d));
}, 60_000);
afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	pg?.stop();
});

const post = (server: RunningServer, score: number) =>
	fetch(server.url + '/api/contributions', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(contribution({}, score))
	});
const query =
	'/api/benchmarks?questionnaire=donnees&version=1&type=commune&band=3500-9999&region=44';

describe.skipIf(!withPostgres)('two servers on one PostgreSQL database', () => {
	it('start empty: the demo set is only for the embedded store', async () => {
		const body = benchmarkSchema.parse(await (await fetch(a.url + query)).json());
		expect(body).toMatchObject({ cohort: null, synthetic: false });
	});

	it('each serve the contributions sent to the other', async () => {
		for (const [i, s] of [a, a, a, b, b].entries())
			expect((await post(s, 10 * i)).status).toBe(201);
		// Each instance sees its own writes at once and the other's within BENCHMARK_REFRESH_MS.
		const deadline = Date.now() + 5000;
		let seen: number[] = [];
		while (Date.now() < deadline) {
			seen = await Promise.all(
				[a, b].map(
					async (s) =>
						benchmarkSchema.parse(await (await fetch(s.url + query)).json()).overall?.n ?? 0
				)
			);
			if (seen.every((n) => n === 5)) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(seen).toEqual([5, 5]);
		const [ea, eb] = await Promise.all(
			[a, b].map(async (s) => (await fetch(s.url + query)).headers.get('etag'))
		);
		expect(ea).toBe(eb); // a CDN may take either instance's answer for the other's
	});

	it('when the database goes away, keep serving the last figures and refuse writes with 503', async () => {
		pg!.stop();
		pg = null;
		const read = await fetch(a.url + query);
		expect(read.status).toBe(200);
		const write = await post(a, 50);
		expect(write.status).toBe(503);
		expect(write.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await write.json()).toMatchObject({ code: 'store_unavailable' });
		expect(logs).toContain('numeriscope: the benchmark store is unavailable');
	});
});
