import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { questionnaire, single, yesNo } from '../../domain/testing.ts';
import { openDatabase } from '../storage/db.ts';
import { createRepository } from '../storage/repository.ts';
import { AnsweringSession } from './answering.svelte.ts';

const q = questionnaire([
	single('a', [0, 100], { plannable: true }),
	yesNo('b', { applicableIf: { question: 'a', equals: 'c1' } })
]);
const profile = { type: 'commune' as const, name: 'Test' };

async function session() {
	const db = openDatabase('session-test', { indexedDB: new IDBFactory(), IDBKeyRange });
	const repo = createRepository(db);
	const id = await repo.create(profile, [{ id: q.id, version: 1 }]);
	return { repo, id, s: new AnsweringSession(id, q, profile, {}, repo.saveAnswer) };
}

describe('AnsweringSession', () => {
	it('saves each change at once, including edits of an answer read back from its reactive state', async () => {
		const { repo, id, s } = await session();
		await s.set('a', { response: { type: 'choice', choice: 'c1' } });
		// The component edits the answer it was given, which is a reactive proxy.
		await s.set('a', { ...s.answers['a']!, comment: 'mutualisé', planned: true });
		expect(s.saveState).toBe('saved');
		expect(s.error).toBeNull();
		expect((await repo.get(id))?.answers[q.id]).toEqual({
			a: { response: { type: 'choice', choice: 'c1' }, comment: 'mutualisé', planned: true }
		});
	});

	it('follows conditions and progress as answers change', async () => {
		const { s } = await session();
		expect(s.askedIn('a').map((x) => x.id)).toEqual(['a']);
		expect(s.progress()).toEqual({ done: 0, total: 1 });
		await s.set('a', { response: { type: 'choice', choice: 'c1' } });
		expect(s.askedIn('a').map((x) => x.id)).toEqual(['a', 'b']);
		expect(s.progress()).toEqual({ done: 1, total: 2 });
		await s.set('a', undefined);
		expect(s.notAskedIn('a').map((x) => x.id)).toEqual(['b']);
	});

	it('shows a storage failure instead of losing it silently', async () => {
		const { id } = await session();
		const failing = () => Promise.reject(new Error('disque plein'));
		const s = new AnsweringSession(id, q, profile, {}, failing);
		await s.set('a', { response: { type: 'choice', choice: 'c0' } });
		expect(s.saveState).toBe('error');
		expect(s.error).toBe('disque plein');
	});
});
