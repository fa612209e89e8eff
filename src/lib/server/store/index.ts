import type { Config } from '../config.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { BenchmarkStore } from './types.ts';

export type { BenchmarkStore, ContributionRecord, ContributionSource } from './types.ts';

/** PostgreSQL when `DATABASE_URL` is set, else the embedded SQLite file. */
export function openStore(
	config: Pick<Config, 'DATABASE_URL' | 'SQLITE_PATH'>
): Promise<BenchmarkStore> {
	return config.DATABASE_URL
		? openPostgresStore(config.DATABASE_URL)
		: openSqliteStore(config.SQLITE_PATH);
}
