import { Migrator, sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { TerritoryType } from '../../domain/profile.ts';
import { migrations, type Dialect, type StoreSchema } from './schema.ts';
import type { BenchmarkStore, ContributionRecord, Group, Revision } from './types.ts';

type Row = Selectable<StoreSchema['contributions']>;
type Tx = Transaction<StoreSchema>;

/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 1000;

/** Applies the numbered migrations that have not run yet. */
export async function migrate(db: Kysely<StoreSchema>, dialect: Dialect): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations(dialect) }
	});
	const { error } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
}

const toRow = (r: ContributionRecord, tokenHash: string | null) => ({
	token_hash: tokenHash,
	questionnaire: r.questionnaire,
	version: r.version,
	campaign: r.campaign,
	territory_type: r.type,
	band: r.band,
	region: r.region,
	scores: JSON.stringify(r.scores),
	synthetic: r.synthetic ? 1 : 0
});

const fromRow = (r: Omit<Row, 'id' | 'token_hash'>): ContributionRecord => ({
	questionnaire: r.questionnaire,
	version: r.version,
	campaign: r.campaign,
	type: r.territory_type as TerritoryType,
	band: r.band,
	region: r.region,
	scores: JSON.parse(r.scores) as ContributionRecord['scores'],
	synthetic: r.synthetic === 1
});

/** Bumps the revision of every group a transaction touched, inside that transaction. */
async function bump(tx: Tx, groups: Iterable<Group>): Promise<void> {
	const seen = new Map<string, Group>();
	for (const g of groups) seen.set(`${g.questionnaire}|${g.campaign}`, g);
	for (const g of seen.values())
		await tx
			.insertInto('revisions')
			.values({ questionnaire: g.questionnaire, campaign: g.campaign, revision: 1 })
			.onConflict((oc) =>
				oc
					.columns(['questionnaire', 'campaign'])
					.doUpdateSet({ revision: sql<number>`revisions.revision + 1` })
			)
			.execute();
}

/**
 * The store's queries, written once for both databases with Kysely; `sqlite.ts` and
 * `postgres.ts` open the connection, set what is specific to each and migrate.
 */
export class KyselyStore implements BenchmarkStore {
	constructor(
		private readonly db: Kysely<StoreSchema>,
		readonly kind: Dialect
	) {}

	async add(record: ContributionRecord, tokenHash: string | null): Promise<void> {
		await this.db.transaction().execute(async (tx) => {
			await tx.insertInto('contributions').values(toRow(record, tokenHash)).execute();
			await bump(tx, [record]);
		});
	}

	async replace(tokenHash: string, record: ContributionRecord): Promise<boolean> {
		return this.db.transaction().execute(async (tx) => {
			const old = await tx
				.selectFrom('contributions')
				.select(['questionnaire', 'campaign'])
				.where('token_hash', '=', tokenHash)
				.executeTakeFirst();
			if (!old) return false;
			await tx
				.updateTable('contributions')
				.set(toRow(record, tokenHash))
				.where('token_hash', '=', tokenHash)
				.execute();
			await bump(tx, [old, record]);
			return true;
		});
	}

	async withdraw(tokenHash: string): Promise<boolean> {
		return this.db.transaction().execute(async (tx) => {
			const gone = await tx
				.deleteFrom('contributions')
				.where('token_hash', '=', tokenHash)
				.returning(['questionnaire', 'campaign'])
				.execute();
			await bump(tx, gone);
			return gone.length > 0;
		});
	}

	async addMany(
		records: readonly ContributionRecord[],
		options: { removeSynthetic?: boolean } = {}
	): Promise<void> {
		await this.db.transaction().execute(async (tx) => {
			const touched: Group[] = [...records];
			if (options.removeSynthetic) {
				touched.push(
					...(await tx
						.deleteFrom('contributions')
						.where('synthetic', '=', 1)
						.returning(['questionnaire', 'campaign'])
						.execute())
				);
			}
			for (let i = 0; i < records.length; i += BATCH)
				await tx
					.insertInto('contributions')
					.values(records.slice(i, i + BATCH).map((r) => toRow(r, null)))
					.execute();
			await bump(tx, touched);
		});
	}

	async count(filter: { synthetic?: boolean } = {}): Promise<number> {
		let q = this.db.selectFrom('contributions').select((eb) => eb.fn.countAll().as('n'));
		if (filter.synthetic !== undefined) q = q.where('synthetic', '=', filter.synthetic ? 1 : 0);
		const { n } = await q.executeTakeFirstOrThrow();
		return Number(n);
	}

	async list(group?: Group): Promise<ContributionRecord[]> {
		let q = this.db
			.selectFrom('contributions')
			.select([
				'questionnaire',
				'version',
				'campaign',
				'territory_type',
				'band',
				'region',
				'scores',
				'synthetic'
			])
			.orderBy('id');
		if (group)
			q = q.where('questionnaire', '=', group.questionnaire).where('campaign', '=', group.campaign);
		return (await q.execute()).map(fromRow);
	}

	async revisions(): Promise<Revision[]> {
		return this.db
			.selectFrom('revisions')
			.select(['questionnaire', 'campaign', 'revision'])
			.orderBy('questionnaire')
			.orderBy('campaign')
			.execute();
	}

	async close(): Promise<void> {
		await this.db.destroy();
	}
}
