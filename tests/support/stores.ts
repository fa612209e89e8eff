import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../../src/lib/server/store/postgres.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { postgresBinaries, startPostgres, type RunningPostgres } from './postgres.ts';

/**
 * The two stores a suite runs against: a new SQLite file and a new PostgreSQL database at each
 * `open()`. Call it at the top of a test file: it starts PostgreSQL before the file's tests and
 * stops it after (under CI=true PostgreSQL is required, never skipped; see `startPostgres`).
 */
export function storeBackends(name: string): { name: string; open(): Promise<BenchmarkStore> }[] {
	const withPostgres = postgresBinaries() !== null || process.env.CI === 'true';
	let dir: string;
	let pg: RunningPostgres | null = null;
	let files = 0;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), `numeriscope-${name}-`));
		if (withPostgres) pg = await startPostgres();
	}, 60_000);
	afterAll(() => {
		pg?.stop();
		rmSync(dir, { recursive: true, force: true });
	});
	return [
		{ name: 'SQLite', open: () => openSqliteStore(join(dir, `${name}-${++files}.sqlite`)) },
		{ name: 'PostgreSQL', open: async () => openPostgresStore(await pg!.database(name)) }
	].filter((b) => withPostgres || b.name === 'SQLite');
}
