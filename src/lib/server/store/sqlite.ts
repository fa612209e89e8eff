import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { KyselyStore, migrate } from './kysely-store.ts';
import type { StoreSchema } from './schema.ts';
import type { BenchmarkStore } from './types.ts';

/**
 * The embedded store: one SQLite file, created with its folder and migrated on first open.
 * WAL lets the command-line tools read and write while the server runs; `synchronous = FULL`
 * makes every commit reach the disk before the server answers 201, so that an acknowledged
 * contribution survives a crash of the process or of the machine.
 */
export async function openSqliteStore(path: string): Promise<BenchmarkStore> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const database = new Database(path);
	try {
		database.pragma('journal_mode = WAL');
		database.pragma('synchronous = FULL');
		// Another process (an import) may hold the write lock for a moment.
		database.pragma('busy_timeout = 5000');
		const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database }) });
		await migrate(db, 'sqlite');
		return new KyselyStore(db, 'sqlite');
	} catch (e) {
		database.close();
		throw e;
	}
}
