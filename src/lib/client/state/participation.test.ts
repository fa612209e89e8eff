import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Contribution } from '../../domain/contribution.ts';
import { questionnaire, single } from '../../domain/testing.ts';
import type { Http } from '../participation/api.ts';
import { NANCY_COHORT, participationServer } from '../participation/testing.ts';
import { openDatabase } from '../storage/db.ts';
import { createRepository } from '../storage/repository.ts';
import { ParticipationState } from './participation.svelte.ts';
import { Results } from './results.svelte.ts';

const CODE = '7KQ2MX9JDP4RT8WCB3NE';

async function setup(questionnaires?: { id: string; versions: number[] }[]) {
	const db = openDatabase(`participation-${Math.random()}`, {
		indexedDB: new IDBFactory(),
		IDBKeyRange
	});
	const repo = createRepository(db);
	const id = await repo.create({ type: 'commune', name: 'Nancy' }, [
		{ id: 'inclusion', version: 1 }
	]);
	const server = participationServer(questionnaires ? { questionnaires } : {});
	server.invite(CODE);
	const state = (http: Http = server.http) => new ParticipationState(id, repo, http);
	return { repo, id, server, state };
}

const contribution = (overall = 40): Contribution => ({
	questionnaire: 'inclusion',
	version: 1,
	campaign: 2026,
	cohort: { ...NANCY_COHORT },
	scores: { overall, themes: { a: overall } }
});

describe('redeeming an invitation', () => {
	it('gets one token per questionnaire of the campaign, then forgets the invitation', async () => {
		const { repo, id, server, state } = await setup([
			{ id: 'inclusion', versions: [1] },
			{ id: 'donnees', versions: [1, 2] }
		]);
		const s = state();
		s.code = '7kq2m-x9jdp-4rt8w-cb3ne'; // typed loosely
		await s.redeem();
		expect(s.error).toBeNull();
		expect(s.status('inclusion')).toBe('ready');
		expect(s.status('donnees')).toBe('ready');
		const stored = await repo.getParticipation(id);
		expect(stored.invitation).toBeUndefined();
		expect(stored.pending).toEqual([]);
		expect(stored.tokens.map((t) => [t.questionnaire, t.versions, t.campaign, t.cohort])).toEqual([
			['inclusion', [1], 2026, NANCY_COHORT],
			['donnees', [1, 2], 2026, NANCY_COHORT]
		]);
		// one request each: the participation, the public list, then each token on its own
		expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/participation',
			'GET /api/campaigns/2026/keys?type=commune&band=100000-299999&region=44',
			'POST /api/tokens',
			'POST /api/tokens'
		]);
		expect(s.code).toBe('');
	});

	it('stores the blinded message before asking for its signature', async () => {
		const { repo, id, server, state } = await setup();
		const seenStored: boolean[] = [];
		const watching: Http = async (url, init) => {
			if (url === '/api/tokens') {
				const sent = JSON.parse(init!.body as string).blindedMessage;
				const r = await repo.getParticipation(id);
				seenStored.push(r.pending.some((p) => p.blindedMessage === sent) && !!r.invitation);
			}
			return server.http(url, init);
		};
		const s = state(watching);
		s.code = CODE;
		await s.redeem();
		expect(seenStored).toEqual([true]);
	});

	it('after a lost answer, retries with the same blinded message, even after a reload', async () => {
		const { repo, id, server, state } = await setup();
		server.loseNextAnswer('/api/tokens'); // the server signed, the answer never came
		const s = state();
		s.code = CODE;
		await s.redeem();
		expect(s.status('inclusion')).toBe('pending');
		expect(s.problems['inclusion']).toMatch(/injoignable/);
		const kept = await repo.getParticipation(id);
		expect(kept.invitation).toBe(CODE);
		expect(kept.pending).toHaveLength(1);

		const again = state(); // the page reloaded
		await again.load();
		expect(again.pendingCount).toBe(1);
		await again.resume();
		expect(again.status('inclusion')).toBe('ready');
		const blinded = server.requests
			.filter((r) => r.path === '/api/tokens')
			.map((r) => (r.body as { blindedMessage: string }).blindedMessage);
		expect(blinded).toHaveLength(2);
		expect(blinded[1]).toBe(blinded[0]); // a new one would be refused (409)
		expect((await repo.getParticipation(id)).invitation).toBeUndefined();
	});

	it('refuses an unknown invitation in French, and stores nothing', async () => {
		const { repo, id, state } = await setup();
		const s = state();
		s.code = '7KQ2M-X9JDP-4RT8W-CB3NZ';
		await s.redeem();
		expect(s.error).toMatch(/^Ce code d’invitation n’est pas reconnu/);
		expect(s.error).not.toMatch(/English/);
		expect(await repo.getParticipation(id)).toEqual({ pending: [], tokens: [] });
		s.code = 'pas-un-code';
		await s.redeem();
		expect(s.error).toMatch(/20 lettres et chiffres/);
	});

	it('refuses a key that is not the one published for the cohort (attacker: the server)', async () => {
		const { repo, id, server, state } = await setup();
		server.tagInvitations(); // this invitation gets a key of its own
		const s = state();
		s.code = CODE;
		await s.redeem();
		expect(s.error).toMatch(/clé de signature reçue n’est pas celle que le serveur publie/);
		expect(server.requests.some((r) => r.path === '/api/tokens')).toBe(false);
		expect(await repo.getParticipation(id)).toEqual({ pending: [], tokens: [] });
	});

	it('says so when another browser already holds the token, and drops what cannot be signed', async () => {
		const { repo, id, server, state } = await setup();
		const first = state();
		first.code = CODE;
		await first.redeem();
		// A colleague's browser (another diagnostic) types the same invitation.
		const other = await repo.create({ type: 'commune', name: 'Nancy' }, []);
		const second = new ParticipationState(other, repo, server.http);
		second.code = CODE;
		await second.redeem();
		expect(second.problems['inclusion']).toMatch(/déjà été délivré/);
		expect((await repo.getParticipation(other)).pending).toEqual([]);
		expect((await repo.getParticipation(id)).tokens).toHaveLength(1);
	});
});

describe('contributing with a token', () => {
	async function ready() {
		const ctx = await setup();
		const s = ctx.state();
		s.code = CODE;
		await s.redeem();
		ctx.server.requests.length = 0;
		return { ...ctx, s };
	}

	it('sends the token and the scores, never the invitation; withdraws and sends again with S', async () => {
		const { server, s, repo, id } = await ready();
		await s.contribute('inclusion', contribution(40));
		expect(s.status('inclusion')).toBe('sent');
		const post = server.requests[0]!;
		expect(post.method).toBe('POST');
		expect(Object.keys(post.body as object).sort()).toEqual(['contribution', 'token']);
		expect(JSON.stringify(post)).not.toContain(CODE);
		const secret = (await repo.getParticipation(id)).tokens[0]!.secret;
		expect(JSON.stringify(post)).not.toContain(secret);

		await s.withdraw('inclusion');
		expect(s.status('inclusion')).toBe('withdrawn');
		expect(server.requests[1]).toMatchObject({
			method: 'DELETE',
			authorization: `Bearer ${secret}`
		});
		expect([...server.slots.values()]).toEqual([null]);

		await s.contribute('inclusion', contribution(55));
		expect(s.status('inclusion')).toBe('sent');
		expect(server.requests[2]).toMatchObject({ method: 'PUT', authorization: `Bearer ${secret}` });
		expect([...server.slots.values()]).toEqual([contribution(55)]);
		expect(s.token('inclusion')?.sent?.scores.overall).toBe(55);
	});

	it('does not report an update of a contribution the server lost as done', async () => {
		const { server, s } = await ready();
		await s.contribute('inclusion', contribution(40));
		server.wipe();
		await s.contribute('inclusion', contribution(60));
		expect(s.status('inclusion')).toBe('ready');
		expect(s.token('inclusion')?.sent).toBeUndefined();
		expect(s.notices['inclusion']).toMatch(/ne connaît plus cette contribution.*envoyer à nouveau/);
	});

	it('keeps a sent contribution sent when a 404 does not say the server lost it', async () => {
		const { server, s, state } = await ready();
		await s.contribute('inclusion', contribution(40));
		// A proxy's page, not the API's `unknown_token`: nothing says the contribution is gone.
		const proxied: Http = async (url, init) =>
			init?.method === 'PUT' || init?.method === 'DELETE'
				? new Response('<h1>Not Found</h1>', { status: 404 })
				: server.http(url, init);
		const other = state(proxied);
		await other.load();
		await other.contribute('inclusion', contribution(60));
		expect(other.status('inclusion')).toBe('sent');
		expect(other.token('inclusion')?.sent?.scores.overall).toBe(40);
		expect(other.problems['inclusion']).toBe('Le serveur a refusé la demande (code HTTP 404).');
		await other.withdraw('inclusion');
		expect(other.status('inclusion')).toBe('sent');
	});

	it('recognises its own contribution when the answer to the first send was lost', async () => {
		const { server, s } = await ready();
		server.loseNextAnswer('/api/contributions');
		await s.contribute('inclusion', contribution(40));
		expect(s.status('inclusion')).toBe('ready');
		expect(s.problems['inclusion']).toMatch(/injoignable/);
		await s.contribute('inclusion', contribution(40)); // token spent → S proves it is ours
		expect(s.problems['inclusion']).toBeUndefined();
		expect(s.status('inclusion')).toBe('sent');
		expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'PUT']);
	});

	it('explains a server outage in French and keeps the token ready', async () => {
		const { server, s } = await ready();
		server.setDown(true);
		await s.contribute('inclusion', contribution(40));
		expect(s.problems['inclusion']).toMatch(/momentanément indisponible/);
		expect(s.status('inclusion')).toBe('ready');
	});
});

describe('what the results page would send', () => {
	const q = questionnaire([single('x', [0, 100])], { id: 'inclusion', version: 2 });

	it('uses the official cohort and campaign of the token and checks the version collected', async () => {
		const { repo, id, server } = await setup([{ id: 'inclusion', versions: [2] }]);
		const diagnostic = (await repo.get(id))!;
		// The profile has no population: its own cohort is only "commune".
		diagnostic.answers = { inclusion: { x: { response: { type: 'choice', choice: 'c1' } } } };
		const results = new Results(diagnostic, [q], [], repo, server.http);
		expect(results.draft('inclusion')).toEqual({ kind: 'no_token' });
		const participation = await results.openParticipation();
		participation.code = CODE;
		await participation.redeem();
		expect(results.draft('inclusion')).toEqual({
			kind: 'ready',
			profileCohortDiffers: true,
			contribution: {
				questionnaire: 'inclusion',
				version: 2,
				campaign: 2026,
				cohort: NANCY_COHORT,
				scores: { overall: 100, themes: { a: 100 } }
			}
		});
		const older = new Results(diagnostic, [{ ...q, version: 1 }], [], repo, server.http);
		await older.openParticipation();
		expect(older.draft('inclusion')).toEqual({ kind: 'version_not_collected', versions: [2] });
	});
});
