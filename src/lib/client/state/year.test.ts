import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseBackup, toBackup } from '../../domain/backup.ts';
import { dontKnow, no, questionnaire, yes, yesNo } from '../../domain/testing.ts';
import { openDatabase } from '../storage/db.ts';
import { StorageError } from '../storage/errors.ts';
import { createRepository } from '../storage/repository.ts';
import { CarriedReview } from './carried-review.svelte.ts';
import { Results } from './results.svelte.ts';

const q = questionnaire(
	[yesNo('a', { theme: 't1' }), yesNo('b', { theme: 't1' }), yesNo('c', { theme: 't2' })],
	{ id: 'q' }
);
const agen = { type: 'commune' as const, name: 'Agen', code: '47001' };
const t2025 = new Date(2025, 2, 1).getTime();
const t2026 = new Date(2026, 2, 1).getTime();
const t2027 = new Date(2027, 2, 1).getTime();

/** Agen in 2025 and 2026 (a plan and a comment), Nancy in 2026, each in the real store. */
async function setup() {
	const db = openDatabase(`year-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	const repo = createRepository(db);
	const pins = [{ id: 'q', version: 1 }];
	const older = await repo.create(agen, pins, t2025);
	const last = await repo.create(agen, pins, t2026);
	await repo.saveAnswer(last, 'q', 'a', { response: dontKnow, planned: true }, t2026);
	await repo.saveAnswer(last, 'q', 'b', { response: no, comment: 'voir la DSI' }, t2026);
	await repo.saveAnswer(last, 'q', 'c', { response: yes }, t2026);
	const nancy = await repo.create({ ...agen, name: 'Nancy', code: '54395' }, pins, t2026 + 1);
	return { db, repo, older, last, nancy };
}

describe('next year’s diagnostic', () => {
	it('starts from last year’s: answers kept, linked to it, plans and comments listed', async () => {
		const { repo, last } = await setup();
		const id = await repo.startFrom(last, t2027);
		const d = (await repo.get(id))!;
		expect(d.answers).toEqual((await repo.get(last))!.answers);
		expect(d.assessment.createdAt).toBe(t2027);
		expect(d.assessment.basedOn).toEqual({ id: last, createdAt: t2026 });
		expect(d.assessment.carried).toEqual({
			items: [
				{ questionnaireId: 'q', questionId: 'a', planned: true, comment: false },
				{ questionnaireId: 'q', questionId: 'b', planned: false, comment: true }
			]
		});
		expect(d.profile).toMatchObject(agen);
		expect(d.profile.id).not.toBe((await repo.get(last))!.profile.id);
	});

	it('stores nothing when the diagnostic to start from is missing', async () => {
		const { repo } = await setup();
		const before = (await repo.list()).length;
		await expect(repo.startFrom('missing-diagnostic')).rejects.toBeInstanceOf(StorageError);
		expect(await repo.list()).toHaveLength(before);
	});

	it('keeps the review done, in the store and through an export file', async () => {
		const { repo, last } = await setup();
		const id = await repo.startFrom(last, t2027);
		const review = new CarriedReview((await repo.get(id))!, repo);
		expect(review.reviewedAt).toBeUndefined();
		await review.markDone(t2027 + 5);
		expect(review.reviewedAt).toBe(t2027 + 5);
		const stored = (await repo.get(id))!;
		expect(stored.assessment.carried?.reviewedAt).toBe(t2027 + 5);
		expect(new CarriedReview(stored, repo).reviewedAt).toBe(t2027 + 5);

		const { profileId: _p, ...assessment } = stored.assessment;
		const { id: _id, updatedAt: _u, ...profile } = stored.profile;
		const parsed = parseBackup(
			JSON.stringify(toBackup({ assessment, profile, answers: stored.answers }, new Date()))
		);
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(parsed.backup.assessment.carried?.reviewedAt).toBe(t2027 + 5);
	});

	it('says why the review could not be recorded, and changes nothing', async () => {
		const { db, repo, last } = await setup();
		const id = await repo.startFrom(last, t2027);
		const review = new CarriedReview((await repo.get(id))!, repo);
		db.close();
		await review.markDone();
		expect(review.reviewedAt).toBeUndefined();
		expect(review.error).toMatch(/Impossible d’enregistrer la revue|revue des éléments repris/);
	});
});

describe('the results of next year’s diagnostic', () => {
	it('preselect last year’s diagnostic of the territory and compare theme by theme', async () => {
		const { repo, older, last, nancy } = await setup();
		const id = await repo.startFrom(last, t2027);
		await repo.saveAnswer(id, 'q', 'a', { response: yes, planned: true }, t2027);
		await repo.saveAnswer(id, 'q', 'b', { response: no }, t2027);
		const results = new Results((await repo.get(id))!, [q], await repo.list(), repo);
		expect(results.earlierOptions.map((o) => o.assessment.id)).toEqual([last, older]);
		expect(results.earlierOptions.some((o) => o.assessment.id === nancy)).toBe(false);
		expect(results.earlierId).toBe(last);

		await results.comparePreselected();
		const [p] = results.progress!;
		expect(p!.themes).toEqual([
			{ themeId: 't1', before: 0, after: 50, delta: 50 },
			{ themeId: 't2', before: 100, after: 100, delta: 0 }
		]);
		expect(
			p!.changes.map((c) => [c.question.id, c.earlierAnswer.response, c.answer.response])
		).toEqual([['a', dontKnow, yes]]);
		// The radars' overlay and their tables: each row carries the earlier score.
		expect(results.report.withEarlier).toBe(true);
		expect(results.report.parts[0]!.overall.earlier).toBe(33);
		expect(results.report.parts[0]!.themes.map((t) => t.earlier)).toEqual([0, 100]);
	});

	it('compare with nothing when the territory has no earlier diagnostic', async () => {
		const { repo, older } = await setup();
		const results = new Results((await repo.get(older))!, [q], await repo.list(), repo);
		expect(results.earlierOptions).toEqual([]);
		expect(results.earlierId).toBe('');
		await results.comparePreselected();
		expect(results.progress).toBeNull();
	});
});
