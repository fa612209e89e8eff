import { CompiledQuery, sql, type Kysely, type Selectable } from 'kysely';
import { preparedAs } from './prepared.ts';
import type { StoreSchema } from './schema.ts';

type Db = Kysely<StoreSchema>;

/** A cohort cell of a campaign's questionnaire: the unit one signing key serves. */
export interface KeyCell {
	campaign: number;
	questionnaire: string;
	type: string;
	band: string;
	region: string;
}

export type KeyRow = Selectable<StoreSchema['signing_keys']>;
export type InvitationRow = Selectable<StoreSchema['invitations']>;
export type IssuanceRow = Selectable<StoreSchema['issuances']>;
export type ContributionRow = Selectable<StoreSchema['contributions']>;

const cellOf = (r: KeyRow): KeyCell => ({
	campaign: r.campaign,
	questionnaire: r.questionnaire,
	type: r.territory_type,
	band: r.band,
	region: r.region
});
export { cellOf };

/** The key of a cell, if it has one. */
export function findKeyOfCell(db: Db, c: KeyCell): Promise<KeyRow | undefined> {
	return db
		.selectFrom('signing_keys')
		.selectAll()
		.where('campaign', '=', c.campaign)
		.where('questionnaire', '=', c.questionnaire)
		.where('territory_type', '=', c.type)
		.where('band', '=', c.band)
		.where('region', '=', c.region)
		.executeTakeFirst();
}

export function findKey(db: Db, id: string): Promise<KeyRow | undefined> {
	return db.selectFrom('signing_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Stores a key for its cell unless the cell has one already (two processes inviting at once),
 * and returns the cell's key: the one stored first wins.
 */
export async function insertKey(
	db: Db,
	c: KeyCell,
	m: { id: string; spki: string; pkcs8: string }
): Promise<KeyRow> {
	await db
		.insertInto('signing_keys')
		.values({
			id: m.id,
			campaign: c.campaign,
			questionnaire: c.questionnaire,
			territory_type: c.type,
			band: c.band,
			region: c.region,
			spki: m.spki,
			pkcs8: m.pkcs8
		})
		.onConflict((oc) => oc.doNothing())
		.execute();
	return (await findKeyOfCell(db, c))!;
}

/** The public keys of a campaign, optionally of one cohort (never the private halves). */
export function listPublicKeys(
	db: Db,
	campaign: number,
	cohort: Partial<Pick<KeyCell, 'type' | 'band' | 'region'>> = {}
) {
	let q = db
		.selectFrom('signing_keys')
		.select(['id', 'spki', 'questionnaire', 'territory_type', 'band', 'region'])
		.where('campaign', '=', campaign);
	if (cohort.type) q = q.where('territory_type', '=', cohort.type);
	if (cohort.band) q = q.where('band', '=', cohort.band);
	if (cohort.region) q = q.where('region', '=', cohort.region);
	return q
		.orderBy('questionnaire')
		.orderBy('territory_type')
		.orderBy('band')
		.orderBy('region')
		.execute();
}

/** Stores invitations, all or none (a territory invited twice to a campaign fails them all). */
export async function insertInvitations(db: Db, rows: readonly InvitationRow[]): Promise<void> {
	await db.transaction().execute(async (tx) => {
		for (let i = 0; i < rows.length; i += 1000)
			await tx
				.insertInto('invitations')
				.values(rows.slice(i, i + 1000))
				.execute();
	});
}

export function findInvitation(db: Db, codeHash: string): Promise<InvitationRow | undefined> {
	return db
		.selectFrom('invitations')
		.selectAll()
		.where('code_hash', '=', codeHash)
		.executeTakeFirst();
}

/** The territory codes already invited to a campaign. */
export async function invitedTerritories(db: Db, campaign: number): Promise<Set<string>> {
	const rows = await db
		.selectFrom('invitations')
		.select('territory_code')
		.where('campaign', '=', campaign)
		.execute();
	return new Set(rows.map((r) => r.territory_code));
}

export function findIssuance(
	db: Db,
	codeHash: string,
	questionnaire: string
): Promise<IssuanceRow | undefined> {
	return db
		.selectFrom('issuances')
		.selectAll()
		.where('code_hash', '=', codeHash)
		.where('questionnaire', '=', questionnaire)
		.executeTakeFirst();
}

/**
 * Records a blind signature unless one exists for this invitation × questionnaire, and returns
 * the one stored: the primary key makes the first writer win, even across instances. Run it in
 * a transaction (`store.write`) so that the two statements see the same state.
 */
export async function insertIssuance(db: Db, row: IssuanceRow): Promise<IssuanceRow> {
	await db
		.insertInto('issuances')
		.values(row)
		.onConflict((oc) => oc.columns(['code_hash', 'questionnaire']).doNothing())
		.execute();
	return (await findIssuance(db, row.code_hash, row.questionnaire))!;
}

/** Stores a contribution; false when its token hash has a row already (spent). */
export async function insertContribution(db: Db, row: ContributionRow): Promise<boolean> {
	const r = await db
		.insertInto('contributions')
		.values(row)
		.onConflict((oc) => oc.column('token_hash').doNothing())
		.executeTakeFirst();
	return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The columns of `insertContributionIfOpen`, in the order of its parameters. */
const OPEN_INSERT_COLUMNS = [
	'id',
	'token_hash',
	'campaign',
	'questionnaire',
	'version',
	'territory_type',
	'band',
	'region',
	'scores',
	'synthetic',
	'source'
] as const satisfies readonly (keyof ContributionRow)[];

/**
 * The SQL of `insertContributionIfOpen`, compiled once per dialect (the adapter of a connection
 * and of its transactions is one object): the hottest write is not rebuilt and recompiled per
 * request, only its parameters are bound; on PostgreSQL it is a prepared statement (parsed and
 * planned once per connection). The values are cast so that PostgreSQL knows their types in an
 * `INSERT … SELECT`.
 */
const openInsertSql = new WeakMap<object, string>();
function openInsert(db: Db): string {
	const adapter = db.getExecutor().adapter;
	let text = openInsertSql.get(adapter);
	if (text === undefined) {
		const textParam = (v: string | null) => sql`CAST(${v} AS TEXT)`;
		const int = (v: number) => sql`CAST(${v} AS INTEGER)`;
		// Placeholders only: the compiled text is the same whatever the values.
		text = sql`INSERT INTO contributions
		(id, token_hash, campaign, questionnaire, version, territory_type, band, region, scores, synthetic, source)
		SELECT ${textParam('')}, ${textParam('')}, ${int(0)}, ${textParam('')}, ${int(0)}, ${textParam('')},
			${textParam('')}, ${textParam('')}, ${textParam('')}, ${int(0)}, ${textParam('')}
		WHERE EXISTS (SELECT 1 FROM campaigns WHERE year = ${int(0)} AND status = 'open'
			AND (closes IS NULL OR closes >= ${textParam('')}))
		ON CONFLICT (token_hash) DO NOTHING`.compile(db).sql;
		text = `${preparedAs('contribution_insert_if_open')} ${text}`;
		openInsertSql.set(adapter, text);
	}
	return text;
}

/**
 * Stores a contribution in one statement, if and only if its campaign accepts contributions on
 * `day` (open, not past its closing day) and its token has not been spent: the check and the
 * write are one step, so a campaign closed meanwhile cannot let one more in. True when stored;
 * false when refused, for either reason (the caller tells them apart).
 */
export async function insertContributionIfOpen(
	db: Db,
	row: ContributionRow,
	day: string
): Promise<boolean> {
	const parameters = [...OPEN_INSERT_COLUMNS.map((c) => row[c]), row.campaign, day];
	const r = await db.executeQuery(CompiledQuery.raw(openInsert(db), parameters));
	return Number(r.numAffectedRows ?? 0) > 0;
}

export function findContribution(db: Db, tokenHash: string): Promise<ContributionRow | undefined> {
	return db
		.selectFrom('contributions')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** New scores (and version) for a token's row, live or withdrawn; false when there is no row. */
export async function replaceScores(
	db: Db,
	tokenHash: string,
	version: number,
	scores: string
): Promise<boolean> {
	const r = await db
		.updateTable('contributions')
		.set({ version, scores })
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/** Withdraws a live contribution (its row stays, so its token stays spent); false otherwise. */
export async function withdrawScores(db: Db, tokenHash: string): Promise<boolean> {
	const r = await db
		.updateTable('contributions')
		.set({ scores: null })
		.where('token_hash', '=', tokenHash)
		.where('scores', 'is not', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}
