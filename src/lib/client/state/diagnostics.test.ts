import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { HeldToken } from '../../domain/backup.ts';
import { questionnaire, yes, yesNo } from '../../domain/testing.ts';
import type { Http } from '../participation/api.ts';
import { openDatabase } from '../storage/db.ts';
import { createRepository } from '../storage/repository.ts';
import { DiagnosticsList } from './diagnostics.svelte.ts';

const profile = { type: 'commune' as const, name: 'Nancy', code: '54395' };
const q = questionnaire(
	[yesNo('a'), yesNo('b', { applicableIf: { question: 'a', equals: true } })],
	{
		id: 'q'
	}
);

const token = (questionnaire: string, status: HeldToken['status'], secret: string) =>
	({
		campaign: 2026,
		cohort: { type: 'commune', band: '100000-299999', region: '44' },
		questionnaire,
		versions: [1],
		token: {},
		secret,
		status
	}) as unknown as HeldToken;

/** A server that answers DELETE /api/contributions with `status`, or cannot be reached. */
function server(status: number | 'offline', code = '') {
	const calls: { method?: string; url: string; auth?: string }[] = [];
	const http: Http = async (url, init) => {
		calls.push({
			method: init?.method,
			url,
			auth: (init?.headers as Record<string, string>)['authorization']
		});
		if (status === 'offline') throw new TypeError('Failed to fetch');
		return status === 204
			? new Response(null, { status })
			: Response.json({ code, message: 'refused' }, { status });
	};
	return { http, calls };
}

async function setup(http: Http) {
	const db = openDatabase('list-test', { indexedDB: new IDBFactory(), IDBKeyRange });
	const repo = createRepository(db);
	const id = await repo.create(profile, [{ id: 'q', version: 1 }]);
	await repo.saveAnswer(id, 'q', 'a', { response: yes });
	await repo.setParticipation(id, {
		pending: [],
		tokens: [token('q', 'sent', 'S'.repeat(43)), token('r', 'ready', 'R'.repeat(43))]
	});
	const list = new DiagnosticsList(repo, http, async () => q);
	await list.load();
	return { repo, id, list };
}

describe('DiagnosticsList', () => {
	it('lists each questionnaire with its completion', async () => {
		const { list } = await setup(server(204).http);
		expect(list.items?.[0]?.completion).toEqual({ q: { done: 1, total: 2 } });
	});

	it('says what deleting takes with it: live contributions and unused tokens', async () => {
		const { list, id } = await setup(server(204).http);
		expect(await list.removal(id)).toEqual({ live: 1, unused: 1 });
	});

	it('withdraws the live contributions, then deletes the diagnostic and its tokens', async () => {
		const { http, calls } = server(204);
		const { list, repo, id } = await setup(http);
		expect(await list.remove(id)).toBe(true);
		expect(calls).toEqual([
			{ method: 'DELETE', url: '/api/contributions', auth: `Bearer ${'S'.repeat(43)}` }
		]);
		expect(await repo.get(id)).toBeUndefined();
		expect(await repo.getParticipation(id)).toEqual({ pending: [], tokens: [] });
		expect(list.items).toEqual([]);
	});

	it('deletes nothing when the contributions cannot be withdrawn, and says why', async () => {
		const { list, repo, id } = await setup(server('offline').http);
		expect(await list.remove(id)).toBe(false);
		expect(list.error).toMatch(/n’a pas été supprimé.*injoignable/);
		expect((await repo.get(id))?.profile.name).toBe('Nancy');
		expect((await repo.getParticipation(id)).tokens.map((t) => t.status)).toEqual([
			'sent',
			'ready'
		]);
	});

	it('deletes when nothing is left to withdraw (already withdrawn, or campaign closed)', async () => {
		for (const [status, code] of [
			[404, 'unknown_token'],
			[403, 'campaign_closed']
		] as const) {
			const { list, repo, id } = await setup(server(status, code).http);
			expect(await list.remove(id)).toBe(true);
			expect(await repo.get(id)).toBeUndefined();
		}
	});
});
