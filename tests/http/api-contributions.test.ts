import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkSchema } from '../../src/lib/domain/benchmark.ts';
import {
	benchmark,
	contribution,
	sha256,
	startApi,
	storedTokenHashes,
	storeSnapshot,
	type ApiServer
} from '../support/api.ts';

let api: ApiServer;
beforeAll(async () => {
	api = await startApi();
});
afterAll(() => api?.close());

const cohort44 = { questionnaire: 'donnees', version: '1', type: 'commune', band: '3500-9999' };

describe('POST /api/contributions', () => {
	it('stores a valid contribution and answers 201 with a withdrawal token, kept only hashed', async () => {
		const res = await api.post(contribution());
		expect(res.status).toBe(201);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const { token } = (await res.json()) as { token: string };
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const hashes = storedTokenHashes(api.db);
		expect(hashes.has(sha256(token))).toBe(true);
		expect(hashes.has(token)).toBe(false);
	});

	it('replaces (PUT) and withdraws (DELETE) with the token in the Authorization header', async () => {
		const { token } = (await (await api.post(contribution({}, 20))).json()) as { token: string };
		const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
		const url = api.url + '/api/contributions';
		const put = await fetch(url, {
			method: 'PUT',
			headers: auth,
			body: JSON.stringify(contribution({}, 90))
		});
		expect(put.status).toBe(204);
		const before = storeSnapshot(api.db).count;
		expect((await fetch(url, { method: 'DELETE', headers: auth })).status).toBe(204);
		expect(storeSnapshot(api.db).count).toBe(before - 1);
		const again = await fetch(url, { method: 'DELETE', headers: auth });
		expect(again.status).toBe(404);
		expect(await again.json()).toMatchObject({ code: 'unknown_token' });
	});
});

describe('GET /api/benchmarks', () => {
	it('never publishes a cohort of 4: it falls back and says so', async () => {
		// Region 44 has 1 contribution from the tests above; 3 more make 4. Region 84 gets 6.
		for (let i = 0; i < 3; i++) expect((await api.post(contribution({}, 30 + i))).status).toBe(201);
		const in84 = contribution({ cohort: { type: 'commune', band: '3500-9999', region: '84' } });
		for (let i = 0; i < 6; i++) expect((await api.post({ ...in84 })).status).toBe(201);

		const { res, body } = await benchmark(api.url, { ...cohort44, region: '44' });
		expect(res.status).toBe(200);
		const b = benchmarkSchema.parse(body);
		expect(b.requested).toEqual({ type: 'commune', band: '3500-9999', region: '44' });
		expect(b.fellBack).toBe(true);
		expect(b.cohort).toEqual({ type: 'commune', band: '3500-9999' });
		expect(b.overall?.n).toBe(10);
		expect(b.synthetic).toBe(false);
		expect(b.k).toBe(5);
		expect(Object.keys(b.themes)).toEqual([
			'gouvernance',
			'ouverture',
			'donnees-essentielles',
			'rgpd',
			'referentiels'
		]);
		// Region 84 (6) is not published either: with its parent (10) it would give away 44's 4.
		const r84 = benchmarkSchema.parse(
			(await benchmark(api.url, { ...cohort44, region: '84' })).body
		);
		expect(r84.fellBack).toBe(true);
		expect(r84.cohort).toEqual({ type: 'commune', band: '3500-9999' });
	});

	it('publishes the region once it reaches k = 5', async () => {
		expect((await api.post(contribution({}, 70))).status).toBe(201);
		const b = benchmarkSchema.parse((await benchmark(api.url, { ...cohort44, region: '44' })).body);
		expect(b.fellBack).toBe(false);
		expect(b.cohort).toEqual({ type: 'commune', band: '3500-9999', region: '44' });
		expect(b.overall).toEqual({ n: 5, p10: 30, p25: 31, p50: 32, p75: 50, p90: 62 });
		expect(b.campaign).toBe(new Date().getUTCFullYear());
		expect(b.pooledVersions).toEqual([1]);
	});

	it('answers with no cohort when nothing is published for the chain', async () => {
		const b = benchmarkSchema.parse(
			(await benchmark(api.url, { questionnaire: 'inclusion', version: '1', type: 'region' })).body
		);
		expect(b).toMatchObject({
			cohort: null,
			fellBack: true,
			overall: null,
			themes: {},
			campaign: null
		});
	});

	it('sends an ETag and Cache-Control, and 304 on If-None-Match', async () => {
		const url = `${api.url}/api/benchmarks?${new URLSearchParams({ ...cohort44, region: '44' })}`;
		const first = await fetch(url);
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]+"$/);
		expect(first.headers.get('cache-control')).toBe('public, max-age=300');
		const second = await fetch(url, { headers: { 'if-none-match': etag } });
		expect(second.status).toBe(304);
		expect(second.headers.get('etag')).toBe(etag);
		expect(await second.text()).toBe('');
		expect((await fetch(url, { headers: { 'if-none-match': '"autre"' } })).status).toBe(200);
		// A new contribution changes the figures, hence the tag.
		await api.post(contribution({}, 99));
		const third = await fetch(url, { headers: { 'if-none-match': etag } });
		expect(third.status).toBe(200);
		expect(third.headers.get('etag')).not.toBe(etag);
	});
});

describe('every response', () => {
	it.each(['/', '/api/benchmarks?questionnaire=donnees&version=1&type=commune', '/api/nulle-part'])(
		'carries the security headers: %s',
		async (path) => {
			const res = await fetch(api.url + path);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('no-referrer');
			expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
			expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		}
	);

	it('gives pages the document headers too', async () => {
		const res = await fetch(api.url + '/');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
		expect(res.headers.get('permissions-policy')).toContain('camera=()');
		expect(res.headers.get('content-security-policy')).toMatch(
			/script-src 'self'( 'sha256-[^']+')*;/
		);
	});

	it('answers an unknown API path and a wrong method in JSON', async () => {
		const missing = await fetch(api.url + '/api/nulle-part');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ code: 'not_found' });
		const patch = await fetch(api.url + '/api/contributions', { method: 'PATCH' });
		expect(patch.status).toBe(405);
		expect(patch.headers.get('allow')).toBe('POST, PUT, DELETE');
		expect(await patch.json()).toMatchObject({ code: 'method_not_allowed' });
	});
});
