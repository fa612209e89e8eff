import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Backup, HeldToken } from '../../domain/backup.ts';
import { migrateAnswers } from '../../domain/migration.ts';
import { choice, questionnaire, single, yes, yesNo } from '../../domain/testing.ts';
import { Importer } from '../state/importer.svelte.ts';
import { applyUpgrade } from '../upgrade.ts';
import { openDatabase, type NumeriscopeDB } from './db.ts';
import { createRepository } from './repository.ts';

/*
 * Defect 3 of issue 10: a version upgrade and a merged import each wrote in two (three)
 * transactions, so that a failure of the second write left answers of one version pinned to
 * another, or merged answers without their tokens. Each case makes the LAST write of the operation
 * fail inside IndexedDB (fake-indexeddb, real transaction semantics) and checks that nothing
 * changed.
 */

const profile = { type: 'commune' as const, name: 'Nancy', code: '54395' };
const v1 = questionnaire([single('a', [0, 100]), yesNo('b')], { id: 'q' });
const v2 = questionnaire([single('a', [0, 100]), yesNo('b'), yesNo('c')], {
	id: 'q',
	version: 2,
	migration: { from: 1 }
});

async function setup() {
	const db = openDatabase('atomic-test', { indexedDB: new IDBFactory(), IDBKeyRange });
	await db.open();
	const repo = createRepository(db);
	const id = await repo.create(profile, [{ id: 'q', version: 1 }], 1000);
	await repo.saveAnswer(id, 'q', 'a', { response: choice('c1') }, 1000);
	return { db, repo, id };
}

/** Every row of the store, to compare before and after. */
async function dump(db: NumeriscopeDB) {
	return {
		assessments: await db.assessments.toArray(),
		profiles: await db.profiles.toArray(),
		answers: await db.answers.toArray(),
		settings: await db.settings.toArray()
	};
}

/** The next write that changes the pinned versions fails, as a full disk or a closing tab would. */
function failPinning(db: NumeriscopeDB) {
	db.assessments.hook('updating', (changes, _key, stored) => {
		// Dexie lists an array field as changed whenever it is written: compare the values.
		const next = (changes as Partial<typeof stored>).questionnaires;
		if (next && JSON.stringify(next) !== JSON.stringify(stored.questionnaires))
			throw new Error('disque plein');
	});
}

describe('a version upgrade', () => {
	it('moves the answers and the pinned version together', async () => {
		const { repo, id } = await setup();
		const d = (await repo.get(id))!;
		const migrated = migrateAnswers(d.answers['q']!, [v1, v2], 1, 2);
		await applyUpgrade(d, { ...migrated, target: v2 }, repo);
		const after = (await repo.get(id))!;
		expect(after.assessment.questionnaires).toEqual([{ id: 'q', version: 2 }]);
		expect(after.answers['q']).toEqual(migrated.answers);
	});

	it('changes nothing when its last write fails', async () => {
		const { db, repo, id } = await setup();
		const d = (await repo.get(id))!;
		const migrated = migrateAnswers({ ...d.answers['q'], b: { response: yes } }, [v1, v2], 1, 2);
		const before = await dump(db);
		failPinning(db);
		await expect(applyUpgrade(d, { ...migrated, target: v2 }, repo)).rejects.toThrow(
			/disque plein/
		);
		expect(await dump(db)).toEqual(before);
	});
});

const token = (questionnaire: string): HeldToken =>
	({
		campaign: 2026,
		cohort: { type: 'commune', band: '100000-299999', region: '44' },
		questionnaire,
		versions: [1],
		token: { keyId: 'k', nonce: 'n'.repeat(43), signature: 's'.repeat(43) },
		secret: 'x'.repeat(43),
		status: 'ready'
	}) as unknown as HeldToken;

/** An importer about to merge a colleague's file into diagnostic `id`. */
async function mergeInto(repo: ReturnType<typeof createRepository>, id: string) {
	const importer = new Importer(repo);
	importer.backup = {
		assessment: { id: 'colleague-file', createdAt: 1, questionnaires: [{ id: 'r', version: 1 }] },
		profile,
		answers: [],
		tokens: [token('r')]
	} as unknown as Backup;
	importer.incoming = { q: { b: { response: yes } }, r: { x: { response: yes } } };
	importer.current = (await repo.get(id))!;
	importer.target = { kind: 'merge', id };
	return importer;
}

describe('a merged import', () => {
	it('adds the answers, the questionnaires and the tokens of the file', async () => {
		const { repo, id } = await setup();
		await (await mergeInto(repo, id)).apply();
		const after = (await repo.get(id))!;
		expect(after.answers).toEqual({
			q: { a: { response: choice('c1') }, b: { response: yes } },
			r: { x: { response: yes } }
		});
		expect(after.assessment.questionnaires.map((q) => q.id)).toEqual(['q', 'r']);
		expect((await repo.getParticipation(id)).tokens.map((t) => t.questionnaire)).toEqual(['r']);
	});

	it('changes nothing when its last write (the tokens) fails', async () => {
		const { db, repo, id } = await setup();
		const importer = await mergeInto(repo, id);
		const before = await dump(db);
		db.settings.hook('creating', () => {
			throw new Error('disque plein');
		});
		await expect(importer.apply()).rejects.toThrow(/disque plein/);
		expect(await dump(db)).toEqual(before);
	});

	it('changes nothing when the pinned versions cannot be written', async () => {
		const { db, repo, id } = await setup();
		const importer = await mergeInto(repo, id);
		const before = await dump(db);
		failPinning(db);
		await expect(importer.apply()).rejects.toThrow(/disque plein/);
		expect(await dump(db)).toEqual(before);
	});
});
