import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribution, startApi, storeSnapshot, thisYear, type ApiServer } from '../support/api.ts';
import { invite, openCampaign } from '../support/participation.ts';

let api: ApiServer;
let invitation: string;
beforeAll(async () => {
	api = await startApi({ RATE_LIMIT_WRITES: '3', RATE_LIMIT_WINDOW_SECONDS: '60' }, (db) => {
		openCampaign(db, thisYear);
		invitation = invite(db, thisYear, ['54395']).get('54395')!;
	});
}, 60_000);
afterAll(() => api?.close());

const post = (path: string, body: unknown) =>
	fetch(api.url + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

describe('the per-client write limit', () => {
	it('answers 429 with Retry-After once a client has used its writes, and stores nothing', async () => {
		// Issuance counts like a write: three redemptions of the invitation use the bucket.
		for (let i = 0; i < 3; i++)
			expect((await post('/api/participation', { invitation })).status).toBe(200);
		const before = storeSnapshot(api.db);
		const res = await post('/api/tokens', {
			invitation,
			questionnaire: 'donnees',
			blindedMessage: Buffer.alloc(256, 1).toString('base64url')
		});
		expect(res.status).toBe(429);
		// 3 writes a minute: one comes back every 20 s.
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(19);
		expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(20);
		expect(await res.json()).toMatchObject({ code: 'rate_limited' });
		expect(storeSnapshot(api.db)).toEqual(before);
	});

	it('counts every write endpoint, malformed writes too, but not reads', async () => {
		for (const [path, method] of [
			['/api/participation', 'POST'],
			['/api/tokens', 'POST'],
			['/api/contributions', 'POST'],
			['/api/contributions', 'PUT'],
			['/api/contributions', 'DELETE']
		] as const) {
			const res = await fetch(api.url + path, {
				method,
				headers: {
					'content-type': 'application/json',
					authorization: 'Bearer ' + 'A'.repeat(43)
				},
				body: method === 'DELETE' ? undefined : JSON.stringify({ contribution: contribution() })
			});
			expect(res.status, `${method} ${path}`).toBe(429);
		}
		expect((await post('/api/contributions', 'pas une contribution')).status).toBe(429);
		expect((await fetch(api.url + '/api/campaigns')).status).toBe(200);
		const read = await fetch(
			api.url + '/api/benchmarks?questionnaire=donnees&version=1&type=commune'
		);
		expect(read.status).toBe(200);
	});
});
