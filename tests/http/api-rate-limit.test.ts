import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribution, startApi, storeSnapshot, type ApiServer } from '../support/api.ts';

let api: ApiServer;
beforeAll(async () => {
	api = await startApi({ RATE_LIMIT_WRITES: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
});
afterAll(() => api?.close());

describe('the per-client write limit', () => {
	it('answers 429 with Retry-After once a client has used its writes, and stores nothing', async () => {
		for (let i = 0; i < 3; i++) expect((await api.post(contribution())).status).toBe(201);
		const before = storeSnapshot(api.db);
		const res = await api.post(contribution());
		expect(res.status).toBe(429);
		// 3 writes a minute: one comes back every 20 s.
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(19);
		expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(20);
		expect(await res.json()).toMatchObject({ code: 'rate_limited' });
		expect(storeSnapshot(api.db)).toEqual(before);
	});

	it('counts replacements, withdrawals and malformed writes too, but not reads', async () => {
		const del = await fetch(api.url + '/api/contributions', {
			method: 'DELETE',
			headers: { authorization: 'Bearer ' + 'A'.repeat(43) }
		});
		expect(del.status).toBe(429);
		const garbage = await api.post('pas une contribution');
		expect(garbage.status).toBe(429);
		const read = await fetch(
			api.url + '/api/benchmarks?questionnaire=donnees&version=1&type=commune'
		);
		expect(read.status).toBe(200);
	});
});
