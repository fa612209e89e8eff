import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaHistory } from './db.ts';
import { createRepository } from './repository.ts';

const profile = {
	type: 'commune' as const,
	name: 'Nancy',
	code: '54395',
	population: 103671,
	populationVintage: 2023,
	region: '44',
	agents: '1000+' as const
};
const answerRows = [
	{
		questionnaireId: 'donnees',
		questionId: 'prada',
		response: { type: 'choice', choice: 'designee' }
	},
	{
		questionnaireId: 'donnees',
		questionId: 'dpo-designe',
		response: { type: 'dontKnow' },
		comment: 'À vérifier « RH »'
	},
	{
		questionnaireId: 'cybersecurite',
		questionId: 'mises-a-jour',
		response: { type: 'choice', choice: 'auto' },
		planned: true
	},
	{
		questionnaireId: 'gouvernance',
		questionId: 'duree-usage-ordinateurs',
		response: { type: 'number', value: 6 }
	},
	{
		questionnaireId: 'cybersecurite',
		questionId: 'double-authentification',
		response: { type: 'choices', choices: ['messagerie', 'vpn'] }
	}
];

const fresh = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

describe('the browser database', () => {
	it.each(schemaHistory.slice(0, -1).map((s) => s.version))(
		'opens a database created by schema version %i and keeps every answer',
		async (version) => {
			const env = fresh();
			// Create and fill the database exactly as that version of the app did.
			const old = new Dexie('numeriscope-test', env);
			for (const s of schemaHistory.filter((s) => s.version <= version))
				old.version(s.version).stores(s.stores);
			await old.open();
			await old.table('profiles').add({ ...profile, id: 'p1', updatedAt: 1 });
			await old.table('assessments').add({
				id: 'a1',
				profileId: 'p1',
				questionnaires: [{ id: 'donnees', version: 1 }],
				createdAt: 1,
				updatedAt: 2
			});
			await old
				.table('answers')
				.bulkAdd(answerRows.map((r) => ({ ...r, assessmentId: 'a1', updatedAt: 3 })));
			old.close();

			const db = openDatabase('numeriscope-test', env);
			await db.open();
			expect(db.verno).toBe(schemaHistory.at(-1)!.version);
			const diagnostic = await createRepository(db).get('a1');
			expect(diagnostic?.profile).toMatchObject(profile);
			const kept = Object.entries(diagnostic!.answers).flatMap(([q, set]) =>
				Object.entries(set).map(([id, a]) => ({ questionnaireId: q, questionId: id, ...a }))
			);
			expect(kept).toHaveLength(answerRows.length);
			for (const row of answerRows) expect(kept).toContainEqual(row);
			db.close();
		}
	);

	it('has a history of strictly increasing versions, the current one last', () => {
		const versions = schemaHistory.map((s) => s.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(new Set(versions).size).toBe(versions.length);
		expect(versions.length).toBeGreaterThanOrEqual(2);
	});
});

describe('the repository', () => {
	const setup = async () => {
		const db = openDatabase('repo-test', fresh());
		await db.open();
		return { db, repo: createRepository(db) };
	};

	it('creates, lists, answers, duplicates and deletes diagnostics', async () => {
		const { repo } = await setup();
		const id = await repo.create(profile, [{ id: 'donnees', version: 1 }], 1000);
		await repo.saveAnswer(
			id,
			'donnees',
			'prada',
			{ response: { type: 'choice', choice: 'designee' } },
			2000
		);
		await repo.saveAnswer(
			id,
			'donnees',
			'aipd',
			{ response: { type: 'notApplicable' }, comment: 'aucun traitement' },
			3000
		);
		await repo.saveAnswer(id, 'donnees', 'aipd', undefined, 3500); // erased
		const [summary] = await repo.list();
		expect(summary).toMatchObject({
			answers: { donnees: { prada: { response: { type: 'choice', choice: 'designee' } } } },
			lastChange: 2000
		});
		expect(summary!.profile.name).toBe('Nancy');

		const copy = await repo.startFrom(id, 4000);
		expect((await repo.get(copy))?.answers).toEqual((await repo.get(id))?.answers);
		expect((await repo.list()).map((s) => s.assessment.id)).toEqual([copy, id]);

		await repo.remove(id);
		expect(await repo.get(id)).toBeUndefined();
		expect(await repo.get(copy)).toBeDefined();
	});

	it('keeps the profile of each diagnostic separate', async () => {
		const { repo } = await setup();
		const id = await repo.create(profile, []);
		const copy = await repo.startFrom(id);
		await repo.updateProfile(copy, { ...profile, population: 104000 });
		expect((await repo.get(id))?.profile.population).toBe(103671);
		expect((await repo.get(copy))?.profile.population).toBe(104000);
	});

	it('replaces the answers of one questionnaire in one go', async () => {
		const { repo } = await setup();
		const id = await repo.create(profile, []);
		await repo.saveAnswer(id, 'donnees', 'prada', { response: { type: 'dontKnow' } });
		await repo.saveAnswer(id, 'inclusion', 'plan-inclusion', { response: { type: 'dontKnow' } });
		await repo.replaceAnswers(id, {
			donnees: { aipd: { response: { type: 'choice', choice: 'oui' } } }
		});
		expect((await repo.get(id))?.answers).toEqual({
			donnees: { aipd: { response: { type: 'choice', choice: 'oui' } } },
			inclusion: { 'plan-inclusion': { response: { type: 'dontKnow' } } }
		});
	});

	it('turns a failure into a French message saying what could not be done', async () => {
		const { db, repo } = await setup();
		db.close();
		await expect(repo.list()).rejects.toMatchObject({
			name: 'StorageError',
			message: /Impossible de lire vos diagnostics/
		});
	});
});
