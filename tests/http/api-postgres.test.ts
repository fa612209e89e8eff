/**
 * The built server on PostgreSQL (DATABASE_URL), as several instances behind a load balancer
 * would run it: two servers share one database; a token issued by one is honoured by the
 * other, and neither issues a second one. Under CI=true PostgreSQL must start; elsewhere,
 * without it, this file is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkSchema } from '../../src/lib/domain/benchmark.ts';
import { contribution, thisYear } from '../support/api.ts';
import {
	contribute,
	invite,
	obtainToken,
	openCampaign,
	withSecret
} from '../support/participation.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from '../support/postgres.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
if (!withPostgres)
	console.warn('PostgreSQL is not installed: the PostgreSQL HTTP tests are skipped');

let pg: RunningPostgres | null = null;
let a: RunningServer;
let b: RunningServer;
let env: { DATABASE_URL: string };
let logs = '';
let invitations: Map<string, string>;
beforeAll(async () => {
	if (!withPostgres) return;
	pg = await startPostgres();
	env = { DATABASE_URL: await pg!.database('http') };
	// First, so that the servers' idle connections do not time out while the tools run.
	openCampaign(env, thisYear);
	invitations = invite(env, thisYear, ['54395', '57463', '51454', '67482', '68224']);
	[a, b] = await Promise.all([
		startBuiltServer({ ...env, RATE_LIMIT_WRITES: '1000' }),
		startBuiltServer({ ...env, RATE_LIMIT_WRITES: '1000' })
	]);
	for (const s of [a, b]) s.process.stderr?.on('data', (d) => (logs += d));
}, 90_000);
afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	pg?.stop();
});

const query =
	'/api/benchmarks?questionnaire=donnees&version=1&type=commune&band=3500-9999&region=44';

describe.skipIf(!withPostgres)('two servers on one PostgreSQL database', () => {
	it('start empty: the demo set is only for the embedded store', async () => {
		const body = benchmarkSchema.parse(await (await fetch(a.url + query)).json());
		expect(body).toMatchObject({ cohort: null, synthetic: false });
	});

	it('honour each other’s tokens, and issue one per invitation between them', async () => {
		for (const [i, code] of ['54395', '57463', '51454', '67482', '68224'].entries()) {
			const [issuer, receiver] = i % 2 ? [a, b] : [b, a];
			const { token, secret, participation } = await obtainToken(
				issuer.url,
				invitations.get(code)!,
				'donnees'
			);
			const c = contribution({ cohort: participation.cohort }, 10 * i);
			expect((await contribute(receiver.url, token, c)).status).toBe(201);
			expect((await contribute(issuer.url, token, c)).status).toBe(409);
			await expect(obtainToken(receiver.url, invitations.get(code)!, 'donnees')).rejects.toThrow(
				/409/
			);
			expect((await withSecret(issuer.url, secret)).status).toBe(204);
			expect((await withSecret(receiver.url, secret, c)).status).toBe(204);
		}
	});

	it('when the database goes away, refuse writes with JSON and a reference in the log', async () => {
		pg!.stop();
		pg = null;
		const write = await fetch(a.url + '/api/participation', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ invitation: invitations.get('54395') })
		});
		expect([500, 503]).toContain(write.status);
		const error = (await write.json()) as { message: string };
		expect(error.message).toMatch(/\S/);
		expect(logs).toMatch(/numeriscope: .*POST \/api\/participation|numeriscope: .*store/);
		expect(logs).not.toContain(invitations.get('54395'));
	});
});
