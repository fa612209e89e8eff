import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_BYTES } from '../../domain/backup.ts';
import { openDatabase } from '../storage/db.ts';
import { createRepository } from '../storage/repository.ts';
import { Importer } from './importer.svelte.ts';

const repo = () =>
	createRepository(openDatabase('importer-test', { indexedDB: new IDBFactory(), IDBKeyRange }));

/** A file whose reading is watched: `text()` is how the importer reads it. */
const file = (size: number, content = '{}') => ({
	name: 'diagnostic.json',
	size,
	text: vi.fn(async () => content)
});

describe('Importer', () => {
	// Defect 8: a 200 MB file was read whole (~700 MB of memory) before being refused.
	it('refuses a file over the size cap without reading it', async () => {
		const importer = new Importer(repo());
		const big = file(MAX_BACKUP_BYTES + 1);
		await importer.read(big as unknown as File);
		expect(big.text).not.toHaveBeenCalled();
		expect(importer.problems).toEqual([
			{ code: 'too_large', size: MAX_BACKUP_BYTES + 1, max: MAX_BACKUP_BYTES }
		]);
		expect(importer.backup).toBeNull();
	});

	it('reads a file under the cap and says why it is refused, as codes', async () => {
		const importer = new Importer(repo());
		const small = file(20, '{"hello": "world"}');
		await importer.read(small as unknown as File);
		expect(small.text).toHaveBeenCalledOnce();
		expect(importer.problems).toEqual([{ code: 'not_backup' }]);
	});
});
