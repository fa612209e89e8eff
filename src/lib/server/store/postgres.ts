import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore, migrate } from './kysely-store.ts';
import { preparedName } from './prepared.ts';
import type { StoreSchema } from './schema.ts';
import type { BenchmarkStore } from './types.ts';

/**
 * Makes a connection run the statements marked with `preparedAs` (the hottest writes) as named
 * prepared statements: PostgreSQL parses and plans each once per connection, then only binds its
 * parameters (a quarter of the database's CPU per contribution). Kysely runs every query as
 * `query(sql, parameters)`; pg prepares a query given a `name`.
 */
function prepareMarked(client: pg.PoolClient): void {
	const query = client.query.bind(client) as (...args: unknown[]) => unknown;
	client.query = ((...args: unknown[]) => {
		const [text, values] = args;
		const name =
			args.length === 2 && typeof text === 'string' && Array.isArray(values)
				? preparedName(text)
				: null;
		return name ? query({ name, text, values }) : query(...args);
	}) as typeof client.query;
}

/**
 * The shared store: a PostgreSQL database that several app instances use at once. Migrations
 * run at start under the migrator's lock. Commits are durable by PostgreSQL's defaults
 * (`synchronous_commit = on`), which the operator must not turn off.
 */
export async function openPostgresStore(url: string): Promise<BenchmarkStore> {
	const pool = new pg.Pool({
		connectionString: url,
		max: 10,
		connectionTimeoutMillis: 5000,
		idleTimeoutMillis: 30_000
	});
	pool.on('connect', prepareMarked);
	// An idle client losing its connection must not crash the server; the next query reconnects.
	pool.on('error', (e) => console.error(`numeriscope: PostgreSQL connection lost: ${e.message}`));
	const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
	try {
		await migrate(db, 'postgres');
	} catch (e) {
		await db.destroy();
		throw e;
	}
	return new KyselyStore(db, 'postgres');
}
