/**
 * Participation against a real SQLite file and a real PostgreSQL server, played by an attacker:
 * every way to contribute without a fresh token of the right cell is refused, and nothing
 * stored changes. The service is driven directly (the HTTP layer is tested in tests/http/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import type { ParticipationToken } from '../../src/lib/domain/participation.ts';
import { ApiError } from '../../src/lib/server/http/errors.ts';
import { inviteTerritories } from '../../src/lib/server/participation/invitations.ts';
import { ParticipationService } from '../../src/lib/server/participation/service.ts';
import {
	findCampaign,
	insertCampaign,
	setCampaignStatus
} from '../../src/lib/server/store/campaigns.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { territories } from '../../src/lib/server/territories/data.ts';
import { contribution, questionnaires, tokenHashOf } from '../support/api.ts';
import { dumpStore } from '../support/editions.ts';
import { blindFor } from '../support/participation.ts';
import { storeBackends } from '../support/stores.ts';
import { RSABSSA } from '@cloudflare/blindrsa-ts';

const suite = RSABSSA.SHA384.PSS.Randomized();
// A second version of `donnees` that no campaign here collects.
const donnees1 = questionnaires.find((q) => q.id === 'donnees' && q.version === 1)!;
const catalog = createCatalog([...questionnaires, { ...donnees1, version: 2 }]);
const YEAR = new Date().getUTCFullYear();
const LAST_YEAR = YEAR - 1;

const backends = storeBackends('participation');

/** Every row of every table, order-free: equal snapshots mean nothing changed. */
const snapshot = async (store: BenchmarkStore) => JSON.stringify(await dumpStore(store.db));

describe.each(backends)('participation on $name', ({ open }) => {
	let store: BenchmarkStore;
	let service: ParticipationService;
	const codes = new Map<string, string>();
	const lastYear = new Map<string, string>();
	beforeAll(async () => {
		store = await open();
		service = new ParticipationService({ store, catalog, openParticipation: false });
		const collects = [
			{ questionnaire: 'donnees', version: 1 },
			{ questionnaire: 'cybersecurite', version: 1 }
		];
		for (const year of [YEAR, LAST_YEAR])
			await insertCampaign(store.db, {
				year,
				collects,
				closes: null,
				status: 'open',
				synthetic: false
			});
		const all = territories();
		const pick = ['54395', '57463', '51454', '67482', '68224', '54099', '69123'].map((c) =>
			all.find((t) => t.code === c && t.type === 'commune')!
		);
		for (const i of await inviteTerritories(
			store.db,
			service.keys,
			await findCampaign(store.db, YEAR),
			YEAR,
			pick
		))
			codes.set(i.territory.code, i.code);
		for (const i of await inviteTerritories(
			store.db,
			service.keys,
			await findCampaign(store.db, LAST_YEAR),
			LAST_YEAR,
			pick.slice(0, 1)
		))
			lastYear.set(i.territory.code, i.code);
	}, 60_000);
	afterAll(() => store?.close());

	/** The browser's steps against the service. */
	async function obtain(invitation: string, questionnaire = 'donnees') {
		const p = await service.participation({ invitation });
		const entry = p.questionnaires.find((q) => q.questionnaire === questionnaire)!;
		const b = await blindFor(entry.key.spki);
		const blindedMessage = Buffer.from(b.blindedMsg).toString('base64url');
		const { blindSignature } = await service.token({ invitation, questionnaire, blindedMessage });
		const signature = await suite.finalize(
			b.publicKey,
			b.message,
			new Uint8Array(Buffer.from(blindSignature, 'base64url')),
			b.inv
		);
		const token: ParticipationToken = {
			key: entry.key.id,
			message: Buffer.from(b.message).toString('base64url'),
			signature: Buffer.from(signature).toString('base64url')
		};
		return { token, secret: Buffer.from(b.secret).toString('base64url'), cohort: p.cohort, p };
	}
	const scoresOf = (cohort: object, over: object = {}, score = 50) =>
		contribution({ cohort: cohort as never, ...over }, score);

	/** Expects a refusal with this status and code, and no change to any table. */
	async function refused(status: number, code: string, action: () => Promise<unknown>) {
		const before = await snapshot(store);
		const error = await action().then(
			() => null,
			(e: unknown) => e
		);
		expect(error, `expected ${status} ${code}`).toBeInstanceOf(Error);
		expect({ status: (error as ApiError).status ?? 400, code: (error as ApiError).code }).toEqual({
			status,
			code
		});
		expect(await snapshot(store)).toBe(before);
	}

	it('gives an invitation its official cohort and one key per questionnaire', async () => {
		const p = await service.participation({ invitation: codes.get('54395')!.toLowerCase() });
		expect(p).toMatchObject({
			campaign: YEAR,
			cohort: { type: 'commune', band: '100000-299999', region: '44' }
		});
		expect(p.questionnaires.map((q) => [q.questionnaire, q.versions])).toEqual([
			['donnees', [1]],
			['cybersecurite', [1]]
		]);
		// Metz is in the same cohort: same keys.
		const metz = await service.participation({ invitation: codes.get('57463')! });
		expect(metz.questionnaires).toEqual(p.questionnaires);
	});

	it('takes a contribution with a fresh token, replaces, withdraws and brings it back', async () => {
		const { token, secret, cohort } = await obtain(codes.get('54395')!);
		await service.contribute({ token, contribution: scoresOf(cohort) });
		const row = await store.db
			.selectFrom('contributions')
			.selectAll()
			.where('token_hash', '=', tokenHashOf(secret))
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ source: 'invited', campaign: YEAR, band: '100000-299999' });
		expect(row.token_hash).toBe(tokenHashOf(secret));
		await service.replace(secret, { contribution: scoresOf(cohort, {}, 80) });
		await service.withdraw(secret);
		await refused(404, 'unknown_token', () => service.withdraw(secret));
		// Replayed after withdrawal: still spent.
		await refused(409, 'token_spent', () =>
			service.contribute({ token, contribution: scoresOf(cohort) })
		);
		await service.replace(secret, { contribution: scoresOf(cohort, {}, 70) });
		const back = await store.db
			.selectFrom('contributions')
			.select('scores')
			.where('token_hash', '=', tokenHashOf(secret))
			.executeTakeFirstOrThrow();
		expect(JSON.parse(back.scores!)).toMatchObject({ overall: 70 });
		await refused(409, 'token_spent', () =>
			service.contribute({ token, contribution: scoresOf(cohort) })
		);
	});

	it('refuses a contribution without a token', async () => {
		await refused(401, 'token_required', () =>
			service.contribute({ contribution: contribution() })
		);
		await refused(401, 'token_required', () =>
			service.contribute({ commitment: 'A'.repeat(43), contribution: contribution() })
		);
	});

	it('refuses forged, truncated and borrowed signatures', async () => {
		const metz = await obtain(codes.get('57463')!);
		const lyon = await obtain(codes.get('69123')!); // another cohort: another key
		expect(lyon.token.key).not.toBe(metz.token.key);
		const c = scoresOf(metz.cohort);
		const sig = Buffer.from(metz.token.signature, 'base64url');
		const variants: [string, ParticipationToken, number, string][] = [];
		const flipped = Buffer.from(sig);
		flipped[17]! ^= 0x01;
		variants.push([
			'one bit flipped',
			{ ...metz.token, signature: flipped.toString('base64url') },
			403,
			'invalid_token'
		]);
		variants.push([
			'random bytes',
			{
				...metz.token,
				signature: Buffer.from(crypto.getRandomValues(new Uint8Array(256))).toString('base64url')
			},
			403,
			'invalid_token'
		]);
		variants.push([
			'a valid signature of another key',
			{ ...metz.token, signature: lyon.token.signature, message: lyon.token.message },
			403,
			'invalid_token'
		]);
		variants.push([
			'truncated',
			{ ...metz.token, signature: sig.subarray(0, 255).toString('base64url') },
			400,
			'invalid_request'
		]);
		variants.push([
			'a message of 63 bytes',
			{
				...metz.token,
				message: Buffer.from(metz.token.message, 'base64url').subarray(0, 63).toString('base64url')
			},
			400,
			'invalid_request'
		]);
		variants.push(['an unknown key', { ...metz.token, key: 'A'.repeat(22) }, 403, 'invalid_token']);
		const msg = Buffer.from(metz.token.message, 'base64url');
		msg[40]! ^= 0x80;
		variants.push([
			'another message',
			{ ...metz.token, message: msg.toString('base64url') },
			403,
			'invalid_token'
		]);
		for (const [name, token, status, code] of variants) {
			await refused(status, code, () => service.contribute({ token, contribution: c })).catch(
				(e: Error) => {
					throw new Error(`${name}: ${e.message}`);
				}
			);
		}
		// The genuine token still works once.
		await service.contribute({ token: metz.token, contribution: c });
		await refused(409, 'token_spent', () =>
			service.contribute({ token: metz.token, contribution: c })
		);
	});

	it('refuses a token used for another cohort, questionnaire or campaign', async () => {
		const s = await obtain(codes.get('67482')!);
		const old = await obtain(lastYear.get('54395')!);
		const cyber = await obtain(codes.get('67482')!, 'cybersecurite');
		await refused(403, 'cohort_mismatch', () =>
			service.contribute({ token: s.token, contribution: scoresOf({ ...s.cohort, region: '11' }) })
		);
		await refused(403, 'cohort_mismatch', () =>
			service.contribute({
				token: s.token,
				contribution: scoresOf({ ...s.cohort, band: '50000-99999' })
			})
		);
		await refused(403, 'token_mismatch', () =>
			service.contribute({ token: cyber.token, contribution: scoresOf(s.cohort) })
		);
		await refused(403, 'token_mismatch', () =>
			service.contribute({ token: old.token, contribution: scoresOf(old.cohort) })
		);
		const v2 = { ...scoresOf(old.cohort, { campaign: LAST_YEAR }), version: 2 };
		await refused(400, 'version_not_collected', () =>
			service.contribute({ token: old.token, contribution: v2 })
		);
		await service.contribute({
			token: old.token,
			contribution: scoresOf(old.cohort, { campaign: LAST_YEAR })
		});
	});

	it('gives one invitation one token per questionnaire: k−1 fakes need k−1 invitations', async () => {
		const invitation = codes.get('68224')!;
		const p = await service.participation({ invitation });
		const key = p.questionnaires[0]!.key;
		const first = await blindFor(key.spki);
		const blindedMessage = Buffer.from(first.blindedMsg).toString('base64url');
		const a = await service.token({ invitation, questionnaire: 'donnees', blindedMessage });
		// A retry of the same request gets the same signature back.
		expect(await service.token({ invitation, questionnaire: 'donnees', blindedMessage })).toEqual(
			a
		);
		for (let i = 0; i < 3; i++) {
			const other = Buffer.from((await blindFor(key.spki)).blindedMsg).toString('base64url');
			await refused(409, 'token_already_issued', () =>
				service.token({
					invitation: invitation.toLowerCase(),
					questionnaire: 'donnees',
					blindedMessage: other
				})
			);
		}
		// Many at once, on another questionnaire: exactly one is signed.
		const cyber = p.questionnaires[1]!.key;
		const blinded = await Promise.all(Array.from({ length: 8 }, () => blindFor(cyber.spki)));
		const outcomes = await Promise.all(
			blinded.map((b) =>
				service
					.token({
						invitation,
						questionnaire: 'cybersecurite',
						blindedMessage: Buffer.from(b.blindedMsg).toString('base64url')
					})
					.then(
						() => 'signed',
						(e: ApiError) => e.code
					)
			)
		);
		expect(outcomes.filter((o) => o === 'signed')).toHaveLength(1);
		expect(outcomes.filter((o) => o === 'token_already_issued')).toHaveLength(7);
	});

	it('refuses unknown invitations, uncollected questionnaires and closed campaigns', async () => {
		await refused(404, 'unknown_invitation', () =>
			service.participation({ invitation: '0000000000000000000A' })
		);
		const invitation = codes.get('54099')!;
		const key = (await service.participation({ invitation })).questionnaires[0]!.key;
		const blindedMessage = Buffer.from((await blindFor(key.spki)).blindedMsg).toString('base64url');
		await refused(400, 'questionnaire_not_collected', () =>
			service.token({ invitation, questionnaire: 'inclusion', blindedMessage })
		);
		await refused(404, 'unknown_invitation', () =>
			service.token({
				invitation: '0000000000000000000A',
				questionnaire: 'donnees',
				blindedMessage
			})
		);
		const { token, secret, cohort } = await obtain(invitation);
		await setCampaignStatus(store.db, YEAR, 'closed');
		try {
			await refused(403, 'campaign_closed', () => service.participation({ invitation }));
			await refused(403, 'campaign_closed', () =>
				service.token({ invitation, questionnaire: 'cybersecurite', blindedMessage })
			);
			await refused(403, 'campaign_closed', () =>
				service.contribute({ token, contribution: scoresOf(cohort) })
			);
		} finally {
			await setCampaignStatus(store.db, YEAR, 'open');
		}
		await service.contribute({ token, contribution: scoresOf(cohort) });
		await setCampaignStatus(store.db, YEAR, 'closed');
		try {
			await refused(403, 'campaign_closed', () =>
				service.replace(secret, { contribution: scoresOf(cohort) })
			);
			await refused(403, 'campaign_closed', () => service.withdraw(secret));
		} finally {
			await setCampaignStatus(store.db, YEAR, 'open');
		}
		// Past its closing day, a campaign is closed too.
		const late = new ParticipationService({
			store,
			catalog,
			openParticipation: false,
			now: () => new Date(`${YEAR + 1}-01-01T00:00:00Z`)
		});
		await store.db
			.updateTable('campaigns')
			.set({ closes: `${YEAR}-12-31` })
			.where('year', '=', YEAR)
			.execute();
		await refused(403, 'campaign_closed', () => late.withdraw(secret));
		await store.db
			.updateTable('campaigns')
			.set({ closes: null })
			.where('year', '=', YEAR)
			.execute();
	});

	it('takes a commitment only where open participation is on, flagged open', async () => {
		const open = new ParticipationService({ store, catalog, openParticipation: true });
		const secret = crypto.getRandomValues(new Uint8Array(32));
		const commitment = Buffer.from(await crypto.subtle.digest('SHA-256', secret)).toString(
			'base64url'
		);
		await open.contribute({ commitment, contribution: contribution() });
		const s = Buffer.from(secret).toString('base64url');
		const row = await store.db
			.selectFrom('contributions')
			.selectAll()
			.where('token_hash', '=', tokenHashOf(s))
			.executeTakeFirstOrThrow();
		expect(row.source).toBe('open');
		await open.withdraw(s);
		await refused(409, 'token_spent', () =>
			open.contribute({ commitment, contribution: contribution() })
		);
	});
});
