/**
 * The participation flow on the built server: the operator opens a campaign and invites
 * (command line), the browser redeems, contributes, replaces, withdraws and contributes again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	campaignsResponseSchema,
	cohortKeysSchema,
	participationSchema
} from '../../src/lib/domain/participation.ts';
import {
	contribution,
	startApi,
	storeSnapshot,
	storedTokenHashes,
	thisYear,
	tokenHashOf,
	type ApiServer
} from '../support/api.ts';
import {
	contribute,
	invite,
	obtainToken,
	openCampaign,
	withSecret
} from '../support/participation.ts';

let api: ApiServer;
let invitations: Map<string, string>;
beforeAll(async () => {
	api = await startApi({}, (db) => {
		openCampaign(db, thisYear);
		invitations = invite(db, thisYear, ['54395', '57463', '51454']);
	});
}, 60_000);
afterAll(() => api?.close());

const nancyCohort = { type: 'commune', band: '100000-299999', region: '44' } as const;
const scores = (score: number) => contribution({ cohort: nancyCohort }, score);

describe('taking part in a campaign', () => {
	it('lists the campaign, and the keys of a cohort', async () => {
		const res = await fetch(api.url + '/api/campaigns');
		expect(res.status).toBe(200);
		const body = campaignsResponseSchema.parse(await res.json());
		expect(body).toEqual({
			campaigns: [
				{
					year: thisYear,
					status: 'open',
					collects: [
						{ questionnaire: 'donnees', version: 1 },
						{ questionnaire: 'cybersecurite', version: 1 }
					],
					closes: null,
					synthetic: false,
					editions: []
				}
			],
			openParticipation: false
		});
		const keys = await fetch(
			`${api.url}/api/campaigns/${thisYear}/keys?type=commune&band=100000-299999&region=44`
		);
		const k = cohortKeysSchema.parse(await keys.json());
		expect(k.keys.map((x) => x.questionnaire).sort()).toEqual(['cybersecurite', 'donnees']);
		expect(JSON.stringify(k)).not.toMatch(/pkcs8/i);
		const bad = await fetch(`${api.url}/api/campaigns/${thisYear}/keys?type=commune`);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ code: 'invalid_query' });
	});

	it('gives an invitation, typed loosely, its official cohort and the keys of that cohort', async () => {
		const typed = invitations.get('54395')!.toLowerCase().replace(/-/g, ' ');
		const res = await fetch(api.url + '/api/participation', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ invitation: typed })
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const p = participationSchema.parse(await res.json());
		expect(p.cohort).toEqual(nancyCohort);
		const listed = cohortKeysSchema.parse(
			await (
				await fetch(
					`${api.url}/api/campaigns/${thisYear}/keys?type=commune&band=100000-299999&region=44`
				)
			).json()
		);
		for (const q of p.questionnaires)
			expect(listed.keys).toContainEqual({ questionnaire: q.questionnaire, key: q.key });
	});

	it('contributes, replaces, withdraws and contributes again, keyed by SHA-256(SHA-256(S))', async () => {
		const { token, secret } = await obtainToken(api.url, invitations.get('54395')!, 'donnees');
		const res = await contribute(api.url, token, scores(40));
		expect(res.status).toBe(201);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.json()).toEqual({});
		expect(storedTokenHashes(api.db).has(tokenHashOf(secret))).toBe(true);

		expect((await withSecret(api.url, secret, scores(60))).status).toBe(204);
		expect((await withSecret(api.url, secret)).status).toBe(204);
		const again = await withSecret(api.url, secret);
		expect(again.status).toBe(404);
		expect(await again.json()).toMatchObject({ code: 'unknown_token' });
		const replay = await contribute(api.url, token, scores(40));
		expect(replay.status).toBe(409);
		expect(await replay.json()).toMatchObject({ code: 'token_spent' });
		expect((await withSecret(api.url, secret, scores(70))).status).toBe(204);
		expect(storeSnapshot(api.db).count).toBe(1);
	});

	it('refuses a contribution without a token, and stores nothing', async () => {
		const before = storeSnapshot(api.db);
		for (const body of [
			{ contribution: scores(50) },
			scores(50),
			{ commitment: 'A'.repeat(43), contribution: scores(50) }
		]) {
			const res = await api.post(body);
			expect(res.status).toBe(401);
			expect(res.headers.get('content-type')).toMatch(/^application\/json/);
			expect(await res.json()).toMatchObject({ code: 'token_required' });
		}
		expect(storeSnapshot(api.db)).toEqual(before);
	});

	it('answers a second token for the same questionnaire 409, and a retry the same signature', async () => {
		const invitation = invitations.get('57463')!;
		const first = await obtainToken(api.url, invitation, 'donnees');
		const retry = await fetch(api.url + '/api/tokens', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				invitation,
				questionnaire: 'donnees',
				blindedMessage: first.blindedMessage
			})
		});
		expect(await retry.json()).toEqual({ blindSignature: first.blindSignature });
		const before = storeSnapshot(api.db);
		await expect(obtainToken(api.url, invitation, 'donnees')).rejects.toThrow(
			/tokens: 409 .*token_already_issued/
		);
		expect(storeSnapshot(api.db)).toEqual(before);
		// Another questionnaire is another token.
		await obtainToken(api.url, invitation, 'cybersecurite');
	});

	it('refuses an unknown invitation with 404, whatever the code', async () => {
		for (const invitation of ['0000000000000000000A', '7KQ2M-X9JDP-4RT8W-CB3NE']) {
			const res = await fetch(api.url + '/api/participation', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ invitation })
			});
			expect(res.status).toBe(404);
			expect(await res.json()).toMatchObject({ code: 'unknown_invitation' });
		}
	});
});

describe('every response', () => {
	it.each(['/', '/api/campaigns', '/api/nulle-part'])(
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
		for (const [path, allow] of [
			['/api/contributions', 'POST, PUT, DELETE'],
			['/api/tokens', 'POST'],
			['/api/participation', 'POST']
		]) {
			const patch = await fetch(api.url + path!, { method: 'PATCH' });
			expect(patch.status).toBe(405);
			expect(patch.headers.get('allow')).toBe(allow);
			expect(await patch.json()).toMatchObject({ code: 'method_not_allowed' });
		}
	});
});
