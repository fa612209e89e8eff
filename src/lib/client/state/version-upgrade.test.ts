import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { migrateAnswers } from '../../domain/migration.ts';
import { choice, questionnaire, single, yesNo } from '../../domain/testing.ts';
import { openDatabase } from '../storage/db.ts';
import { createRepository } from '../storage/repository.ts';
import { applyUpgrade } from '../upgrade.ts';
import { VersionUpgrade } from './version-upgrade.svelte.ts';

const v1 = questionnaire([single('a', [0, 100])], { id: 'q' });
const v2 = questionnaire([single('a', [0, 100]), yesNo('b')], {
	id: 'q',
	version: 2,
	migration: { from: 1 }
});

async function setup() {
	const db = openDatabase('upgrade-state-test', { indexedDB: new IDBFactory(), IDBKeyRange });
	const repo = createRepository(db);
	const id = await repo.create({ type: 'commune', name: 'Nancy' }, [{ id: 'q', version: 1 }]);
	await repo.saveAnswer(id, 'q', 'a', { response: choice('c1') });
	return { repo, id, d: (await repo.get(id))! };
}

describe('VersionUpgrade', () => {
	it('previews, then moves the diagnostic to the newer version', async () => {
		const { repo, id, d } = await setup();
		const upgrade = new VersionUpgrade(d, v1, 2, {
			previewUpgrade: async (x) => ({
				...migrateAnswers(x.answers['q']!, [v1, v2], 1, 2),
				target: v2
			}),
			applyUpgrade: (x, p) => applyUpgrade(x, p, repo)
		});
		await upgrade.show();
		expect(upgrade.preview?.report.review).toEqual([{ questionId: 'b', reason: 'new' }]);
		expect(upgrade.question('b')?.fr).toBeDefined();
		expect(await upgrade.apply()).toBe(true);
		expect((await repo.get(id))?.assessment.questionnaires).toEqual([{ id: 'q', version: 2 }]);
	});

	it('keeps the comment of an answer listed for review on its question', async () => {
		const { repo, id } = await setup();
		await repo.saveAnswer(id, 'q', 'a', {
			response: { type: 'notApplicable' },
			comment: 'mutualisé'
		});
		const given = (await repo.get(id))!;
		// Version 2 does not offer « non applicable » on `a`.
		const preview = { ...migrateAnswers(given.answers['q']!, [v1, v2], 1, 2), target: v2 };
		expect(preview.report.review[0]).toMatchObject({
			questionId: 'a',
			reason: 'notApplicableRefused'
		});
		await applyUpgrade(given, preview, repo);
		expect((await repo.get(id))?.answers['q']).toEqual({ a: { comment: 'mutualisé' } });
	});

	it('moves two questionnaires one after the other from the same page, each keeping its version', async () => {
		const db = openDatabase('upgrade-two-test', { indexedDB: new IDBFactory(), IDBKeyRange });
		const repo = createRepository(db);
		const w1 = questionnaire([single('a', [0, 100])], { id: 'w' });
		const w2 = questionnaire([single('a', [0, 100])], {
			id: 'w',
			version: 2,
			migration: { from: 1 }
		});
		const id = await repo.create({ type: 'commune', name: 'Nancy' }, [
			{ id: 'q', version: 1 },
			{ id: 'w', version: 1 }
		]);
		// The page's copy, loaded once, before either move.
		const d = (await repo.get(id))!;
		await applyUpgrade(d, { ...migrateAnswers({}, [v1, v2], 1, 2), target: v2 }, repo);
		await applyUpgrade(d, { ...migrateAnswers({}, [w1, w2], 1, 2), target: w2 }, repo);
		expect((await repo.get(id))?.assessment.questionnaires).toEqual([
			{ id: 'q', version: 2 },
			{ id: 'w', version: 2 }
		]);
	});

	it('says when the newer version cannot be loaded, and changes nothing', async () => {
		const { repo, id, d } = await setup();
		const upgrade = new VersionUpgrade(d, v1, 2, {
			previewUpgrade: () => Promise.reject(new TypeError('Failed to fetch')),
			applyUpgrade: (x, p) => applyUpgrade(x, p, repo)
		});
		await upgrade.show();
		expect(upgrade.failure?.kind).toBe('load');
		expect(upgrade.busy).toBe(false);
		expect(await upgrade.apply()).toBe(false);
		expect((await repo.get(id))?.assessment.questionnaires).toEqual([{ id: 'q', version: 1 }]);
	});
});
