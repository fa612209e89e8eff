import { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { KyselyStore, migrate } from './kysely-store.ts';
import type { StoreSchema } from './schema.ts';
import { SqliteThreadDialect } from './sqlite-thread.ts';
import type { BenchmarkStore } from './types.ts';

/**
 * The embedded store: one SQLite file, created with its folder and migrated on first open.
 * WAL lets the command-line tools read and write while the server runs; `synchronous = FULL`
 * makes every commit reach the disk before the server answers 201, so that an acknowledged
 * contribution survives a crash of the process or of the machine. The connections live in
 * worker threads (see `SqliteThreadDriver`): a commit's fsync, or a wait of up to busy_timeout
 * for the lock another process holds, never stops the event loop, and reads go on meanwhile.
 */
export async function openSqliteStore(path: string): Promise<BenchmarkStore> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Kysely<StoreSchema>({
		dialect: new SqliteThreadDialect({
			path,
			// Another process (an import, a publication) may hold the write lock for a moment.
			pragmas: ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000'],
			readPragmas: ['busy_timeout = 5000', 'query_only = ON']
		})
	});
	try {
		await migrate(db, 'sqlite');
		return new KyselyStore(db, 'sqlite');
	} catch (e) {
		await db.destroy();
		throw e;
	}
}
