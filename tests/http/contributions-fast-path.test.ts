/**
 * The server entry answers `POST /api/contributions` itself, before SvelteKit
 * (src/lib/server/participation/fast-path.ts and contribute-node.ts): through the real built
 * server, each outcome as the route answers it — status, JSON `{ code, message }`, every header
 * (security ones included) — and what is stored. The route streams its `201 {}` (chunked); the
 * fast path sends it with its length, which is how these tests know which one answered.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	contribution,
	startApi,
	storeSnapshot,
	storedTokenHashes,
	thisYear,
	tokenHashOf,
	type ApiServer
} from '../support/api.ts';
import { contribute, invite, obtainToken, openCampaign } from '../support/participation.ts';

const lastYear = thisYear - 1;
let api: ApiServer;
let limited: ApiServer;
let invitations: Map<string, string>;
let lastYears: Map<string, string>;
let limitedInvitation: string;
beforeAll(async () => {
	[api, limited] = await Promise.all([
		startApi({}, (db) => {
			openCampaign(db, thisYear);
			openCampaign(db, lastYear);
			invitations = invite(db, thisYear, ['54395', '57463']);
			lastYears = invite(db, lastYear, ['54395']);
		}),
		startApi({ RATE_LIMIT_WRITES: '3', RATE_LIMIT_WINDOW_SECONDS: '60' }, (db) => {
			openCampaign(db, thisYear);
			limitedInvitation = invite(db, thisYear, ['54395']).get('54395')!;
		})
	]);
}, 180_000);
afterAll(() => Promise.all([api?.close(), limited?.close()]));

/** Nancy's and Metz's official cohort. */
const cohort = { type: 'commune', band: '100000-299999', region: '44' } as const;

/** Headers that describe the connection or the moment, not the answer. */
const varying = new Set(['date', 'connection', 'keep-alive']);
const headersOf = (r: Response) =>
	Object.fromEntries([...r.headers].filter(([name]) => !varying.has(name)));

/** What every JSON answer of the API carries (see headers.ts `jsonHeaders`). */
const security = {
	'content-security-policy':
		"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
	'content-type': 'application/json',
	'cross-origin-resource-policy': 'same-origin',
	'referrer-policy': 'no-referrer',
	'x-content-type-options': 'nosniff'
};

/** The route's refusal: `{ code, message }`, not to be cached, with its length. */
async function expectRefusal(
	res: Response,
	status: number,
	code: string,
	extra: Record<string, string> = {}
) {
	const text = await res.text();
	expect({ status: res.status, code: JSON.parse(text).code }).toEqual({ status, code });
	expect(Object.keys(JSON.parse(text))).toEqual(['code', 'message']);
	expect(headersOf(res)).toEqual({
		...security,
		'cache-control': 'no-store',
		'content-length': String(Buffer.byteLength(text)),
		...extra
	});
}

const postRaw = (server: ApiServer, body: BodyInit, headers: Record<string, string> = {}) =>
	fetch(server.url + '/api/contributions', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
		duplex: 'half'
	} as RequestInit);

describe('the fast path of POST /api/contributions', () => {
	it('stores a contribution with a fresh token and answers 201 {} with the route’s headers', async () => {
		const t = await obtainToken(api.url, invitations.get('54395')!, 'donnees');
		const res = await contribute(api.url, t.token, contribution({ cohort }, 61));
		expect(res.status).toBe(201);
		expect(await res.text()).toBe('{}');
		// The route's 201 is chunked; the fast path's has its length.
		expect(headersOf(res)).toEqual({
			...security,
			'cache-control': 'no-store',
			'content-length': '2'
		});
		expect(storedTokenHashes(api.db).has(tokenHashOf(t.secret))).toBe(true);
	});

	it('refuses a spent token, 409 token_spent, and stores nothing more', async () => {
		const t = await obtainToken(api.url, invitations.get('57463')!, 'donnees');
		expect((await contribute(api.url, t.token, contribution({ cohort }, 40))).status).toBe(201);
		const before = storeSnapshot(api.db);
		const again = await contribute(api.url, t.token, contribution({ cohort }, 90));
		await expectRefusal(again, 409, 'token_spent');
		expect(storeSnapshot(api.db)).toEqual(before);
	});

	it('refuses a body that is not JSON, 400 invalid_json, and keeps the connection', async () => {
		const before = storeSnapshot(api.db);
		const res = await postRaw(api, '{"token": {"key": ');
		await expectRefusal(res, 400, 'invalid_json');
		expect(res.headers.get('connection')).not.toBe('close');
		await expectRefusal(await postRaw(api, '{"a": {"__proto__": {}}}'), 400, 'forbidden_key');
		await expectRefusal(
			await postRaw(api, Buffer.from([0x22, 0xff, 0x22])),
			400,
			'invalid_encoding'
		);
		await expectRefusal(await postRaw(api, ''), 400, 'empty_body');
		await expectRefusal(await postRaw(api, '[]'), 400, 'invalid_request');
		await expectRefusal(await postRaw(api, '{}'), 401, 'token_required', {
			'www-authenticate': 'Bearer'
		});
		expect(storeSnapshot(api.db)).toEqual(before);
	});

	it('refuses a body over 8 KB, declared or chunked, 413 body_too_large', async () => {
		const before = storeSnapshot(api.db);
		const big = JSON.stringify({ token: 'x'.repeat(9000) });
		await expectRefusal(await postRaw(api, big), 413, 'body_too_large');
		// No length declared: the limit stops the reading.
		const chunked = new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode(' '.repeat(2000)));
				c.close();
			}
		});
		await expectRefusal(await postRaw(api, chunked), 413, 'body_too_large');
		expect(storeSnapshot(api.db)).toEqual(before);
	});

	it('refuses a contribution to a campaign closed since its token was signed, 403 campaign_closed', async () => {
		const t = await obtainToken(api.url, lastYears.get('54395')!, 'donnees');
		// As `observatory campaign close` does, in-process: the command line takes longer than
		// the server's keep-alive, and the next request would meet a closing connection.
		const db = new Database(api.db);
		db.prepare("UPDATE campaigns SET status = 'closed' WHERE year = ?").run(lastYear);
		db.close();
		const before = storeSnapshot(api.db);
		const res = await contribute(
			api.url,
			t.token,
			contribution({ cohort, campaign: lastYear }, 55)
		);
		await expectRefusal(res, 403, 'campaign_closed');
		expect(storeSnapshot(api.db)).toEqual(before);
	});

	it('counts contributions against the client’s write limit, malformed ones too: 429 with Retry-After', async () => {
		const t = await obtainToken(limited.url, limitedInvitation, 'donnees'); // 2 writes of 3
		await expectRefusal(await postRaw(limited, '{'), 400, 'invalid_json'); // the 3rd
		const before = storeSnapshot(limited.db);
		const res = await contribute(limited.url, t.token, contribution({ cohort }, 70));
		const retry = res.headers.get('retry-after')!;
		expect(Number(retry)).toBeGreaterThanOrEqual(19);
		expect(Number(retry)).toBeLessThanOrEqual(20);
		await expectRefusal(res, 429, 'rate_limited', { 'retry-after': retry });
		expect(storeSnapshot(limited.db)).toEqual(before);
	});
});
