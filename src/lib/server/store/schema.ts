import { type Generated, type Kysely, type Migration } from 'kysely';

/** Tables of the benchmark store, as Kysely sees them. */
export interface StoreSchema {
	contributions: {
		id: Generated<number>;
		/** SHA-256 of the withdrawal token, hex; null for imported and synthetic contributions. */
		token_hash: string | null;
		questionnaire: string;
		version: number;
		campaign: number;
		territory_type: string;
		band: string;
		region: string;
		/** JSON: `{ "overall": 62, "themes": { "rgpd": 40, … } }`. */
		scores: string;
		/** 0 or 1 (SQLite has no boolean). */
		synthetic: number;
	};
	revisions: { questionnaire: string; campaign: number; revision: number };
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * Numbered migrations, applied in order at start by Kysely's migrator (which records them in
 * `kysely_migration` and, on PostgreSQL, takes a lock so that instances starting together do not
 * race). A published migration is never edited: a change is a new number.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
	return {
		'0001_contributions': {
			async up(db: Kysely<unknown>) {
				await db.schema
					.createTable('contributions')
					.addColumn('id', 'integer', (c) =>
						dialect === 'sqlite'
							? c.primaryKey().autoIncrement()
							: c.primaryKey().generatedAlwaysAsIdentity()
					)
					.addColumn('token_hash', 'text', (c) => c.unique())
					.addColumn('questionnaire', 'text', (c) => c.notNull())
					.addColumn('version', 'integer', (c) => c.notNull())
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('territory_type', 'text', (c) => c.notNull())
					.addColumn('band', 'text', (c) => c.notNull())
					.addColumn('region', 'text', (c) => c.notNull())
					.addColumn('scores', 'text', (c) => c.notNull())
					.addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
					.execute();
				await db.schema
					.createIndex('contributions_group')
					.on('contributions')
					.columns(['questionnaire', 'campaign'])
					.execute();
				await db.schema
					.createTable('revisions')
					.addColumn('questionnaire', 'text', (c) => c.notNull())
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('revision', 'integer', (c) => c.notNull())
					.addPrimaryKeyConstraint('revisions_pk', ['questionnaire', 'campaign'])
					.execute();
			}
		}
	};
}
