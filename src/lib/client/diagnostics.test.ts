import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { createDiagnostic, saveProfile } from './diagnostics.ts';
import { openDatabase } from './storage/db.ts';
import { createRepository } from './storage/repository.ts';

it('creates a diagnostic and saves its profile, for the pages', async () => {
	const repo = createRepository(
		openDatabase('pages-test', { indexedDB: new IDBFactory(), IDBKeyRange })
	);
	const id = await createDiagnostic(
		{ type: 'commune', name: 'Nancy' },
		[{ id: 'donnees', version: 1 }],
		repo
	);
	await saveProfile(id, { type: 'commune', name: 'Nancy', population: 104000 }, repo);
	const d = await repo.get(id);
	expect(d?.assessment.questionnaires).toEqual([{ id: 'donnees', version: 1 }]);
	expect(d?.profile.population).toBe(104000);
});
