import { Migrator, type Kysely } from 'kysely';
import { migrations, type Dialect, type StoreSchema } from './schema.ts';
import type { BenchmarkStore } from './types.ts';

/** Applies the numbered migrations that have not run yet. */
export async function migrate(db: Kysely<StoreSchema>, dialect: Dialect): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations(dialect) }
	});
	const { error } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
}

/**
 * The store's connection, the same for both databases; `sqlite.ts` and `postgres.ts` open it,
 * set what is specific to each and migrate.
 */
export class KyselyStore implements BenchmarkStore {
	constructor(
		readonly db: Kysely<StoreSchema>,
		readonly kind: Dialect
	) {}

	async count(filter: { synthetic?: boolean } = {}): Promise<number> {
		let q = this.db.selectFrom('contributions').select((eb) => eb.fn.countAll().as('n'));
		if (filter.synthetic !== undefined) q = q.where('synthetic', '=', filter.synthetic ? 1 : 0);
		const { n } = await q.executeTakeFirstOrThrow();
		return Number(n);
	}

	async close(): Promise<void> {
		await this.db.destroy();
	}
}
