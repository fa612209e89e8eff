import type { Kysely } from 'kysely';
import type { TerritoryType } from '../../domain/profile.ts';
import { randomId, type StoreSchema } from './schema.ts';
import type { ContributionRecord, ContributionSource, Group } from './types.ts';

type Db = Kysely<StoreSchema>;

/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 1000;

/**
 * Stores many contributions at once, all or none (imports, the demo set): random ids, no
 * withdrawal token. `removeSynthetic` deletes the demo rows first, in the same transaction.
 * A transitional helper for the editions' own code (which may replace it).
 */
export async function insertContributions(
	db: Db,
	records: readonly ContributionRecord[],
	options: { source?: ContributionSource; removeSynthetic?: boolean } = {}
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		if (options.removeSynthetic)
			await tx.deleteFrom('contributions').where('synthetic', '=', 1).execute();
		for (let i = 0; i < records.length; i += BATCH)
			await tx
				.insertInto('contributions')
				.values(
					records.slice(i, i + BATCH).map((r) => ({
						id: randomId(),
						token_hash: null,
						campaign: r.campaign,
						questionnaire: r.questionnaire,
						version: r.version,
						territory_type: r.type,
						band: r.band,
						region: r.region,
						scores: JSON.stringify(r.scores),
						synthetic: r.synthetic ? 1 : 0,
						source: options.source ?? (r.synthetic ? 'demo' : 'import')
					}))
				)
				.execute();
	});
}

/** The live (not withdrawn) contributions of a group, or of every group. */
export async function listContributions(db: Db, group?: Group): Promise<ContributionRecord[]> {
	let q = db
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
		.where('scores', 'is not', null);
	if (group)
		q = q.where('questionnaire', '=', group.questionnaire).where('campaign', '=', group.campaign);
	return (await q.execute()).map((r) => ({
		questionnaire: r.questionnaire,
		version: r.version,
		campaign: r.campaign,
		type: r.territory_type as TerritoryType,
		band: r.band,
		region: r.region,
		scores: JSON.parse(r.scores!) as ContributionRecord['scores'],
		synthetic: r.synthetic === 1
	}));
}
