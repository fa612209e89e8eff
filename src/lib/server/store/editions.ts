import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EditionCell, EditionContribution } from '../../domain/edition.ts';
import type { TerritoryType } from '../../domain/profile.ts';
import { randomId, type StoreSchema } from './schema.ts';
import type { ContributionSource } from './types.ts';

export type { ContributionSource };

/**
 * The queries of editions: bulk contributions (demo, import), the live contributions of a
 * campaign, and the editions with their cells and member snapshots. They take a Kysely handle
 * (or a transaction), so that a publication writes everything in one transaction.
 */

type Db = Kysely<StoreSchema>;

/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 1000;

export const contributionSources: readonly ContributionSource[] = [
	'invited',
	'open',
	'import',
	'demo'
];

/** A contribution to store in bulk (demo set, import): no token, a random id. */
export interface NewContribution {
	campaign: number;
	questionnaire: string;
	version: number;
	type: TerritoryType;
	band: string;
	region: string;
	scores: { overall: number; themes: Record<string, number> };
	synthetic: boolean;
	source: ContributionSource;
}

/** A live (not withdrawn) contribution of a campaign, with what the publication rule needs. */
export interface LiveContribution extends EditionContribution {
	campaign: number;
	source: ContributionSource;
}

/**
 * SHA-256 of what a contribution says (version, cohort, scores), so that a member snapshot tells
 * a replaced contribution from an unchanged one. Theme keys are sorted: the same scores always
 * give the same digest.
 */
export function contributionDigest(c: Omit<EditionContribution, 'id' | 'digest'>): string {
	const themes = Object.keys(c.scores.themes)
		.sort()
		.map((t) => [t, c.scores.themes[t]]);
	const text = JSON.stringify([
		c.version,
		c.cohort.type,
		c.cohort.band,
		c.cohort.region,
		c.scores.overall,
		themes
	]);
	return createHash('sha256').update(text).digest('base64url');
}

/** Stores contributions with random ids, in batches (call it inside a transaction). */
export async function insertContributions(db: Db, rows: readonly NewContribution[]): Promise<void> {
	for (let i = 0; i < rows.length; i += BATCH)
		await db
			.insertInto('contributions')
			.values(
				rows.slice(i, i + BATCH).map((r) => ({
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
					source: r.source
				}))
			)
			.execute();
}

/** The live contributions of a campaign (withdrawn rows, with null scores, left out). */
export async function listLive(db: Db, campaign: number): Promise<LiveContribution[]> {
	const rows = await db
		.selectFrom('contributions')
		.select([
			'id',
			'campaign',
			'questionnaire',
			'version',
			'territory_type',
			'band',
			'region',
			'scores',
			'synthetic',
			'source'
		])
		.where('campaign', '=', campaign)
		.where('scores', 'is not', null)
		.execute();
	return rows.map((r) => {
		const c = {
			id: r.id,
			campaign: r.campaign,
			questionnaire: r.questionnaire,
			version: r.version,
			cohort: { type: r.territory_type as TerritoryType, band: r.band, region: r.region },
			scores: JSON.parse(r.scores!) as LiveContribution['scores'],
			synthetic: r.synthetic === 1,
			source: r.source as ContributionSource
		};
		return { ...c, digest: contributionDigest(c) };
	});
}

/** An edition as stored, without its cells. */
export interface EditionRecord {
	campaign: number;
	number: number;
	publishedOn: string;
	methodology: unknown;
	synthetic: boolean;
}

/** The editions of a campaign, oldest first, each with its cells. */
export async function listEditions(
	db: Db,
	campaign: number
): Promise<(EditionRecord & { cells: EditionCell[] })[]> {
	const editions = await db
		.selectFrom('editions')
		.selectAll()
		.where('campaign', '=', campaign)
		.orderBy('number')
		.execute();
	const cells = await db
		.selectFrom('edition_cells')
		.selectAll()
		.where('campaign', '=', campaign)
		.execute();
	return editions.map((e) => ({
		...toEdition(e),
		cells: cells.filter((c) => c.number === e.number).map(toCell)
	}));
}

/** One edition with its cells, or undefined. */
export async function loadEdition(
	db: Db,
	campaign: number,
	number: number
): Promise<(EditionRecord & { cells: EditionCell[] }) | undefined> {
	const e = await db
		.selectFrom('editions')
		.selectAll()
		.where('campaign', '=', campaign)
		.where('number', '=', number)
		.executeTakeFirst();
	if (!e) return undefined;
	const cells = await db
		.selectFrom('edition_cells')
		.selectAll()
		.where('campaign', '=', campaign)
		.where('number', '=', number)
		.execute();
	return { ...toEdition(e), cells: cells.map(toCell) };
}

/** The latest edition number of every campaign that has one: what readers poll. */
export async function latestEditions(db: Db): Promise<{ campaign: number; number: number }[]> {
	const rows = await db
		.selectFrom('editions')
		.select((eb) => ['campaign', eb.fn.max('number').as('number')])
		.groupBy('campaign')
		.execute();
	return rows.map((r) => ({ campaign: Number(r.campaign), number: Number(r.number) }));
}

/** Member snapshots (contribution id → digest) of some editions of a campaign. */
export async function loadMembers(
	db: Db,
	campaign: number,
	numbers: readonly number[]
): Promise<Map<number, Map<string, string>>> {
	const out = new Map<number, Map<string, string>>(numbers.map((n) => [n, new Map()]));
	if (numbers.length === 0) return out;
	const rows = await db
		.selectFrom('edition_members')
		.select(['number', 'contribution_id', 'digest'])
		.where('campaign', '=', campaign)
		.where('number', 'in', [...numbers])
		.execute();
	for (const r of rows) out.get(r.number)!.set(r.contribution_id, r.digest);
	return out;
}

/**
 * Writes an edition, its cells and its member snapshot (call it inside a transaction). The
 * primary key (campaign, number) refuses a second edition of the same number.
 */
export async function insertEdition(
	db: Db,
	e: EditionRecord,
	cells: readonly EditionCell[],
	members: readonly { id: string; digest: string }[]
): Promise<void> {
	await db
		.insertInto('editions')
		.values({
			campaign: e.campaign,
			number: e.number,
			published_on: e.publishedOn,
			methodology: JSON.stringify(e.methodology),
			synthetic: e.synthetic ? 1 : 0
		})
		.execute();
	for (let i = 0; i < cells.length; i += BATCH)
		await db
			.insertInto('edition_cells')
			.values(
				cells.slice(i, i + BATCH).map((c) => ({
					campaign: e.campaign,
					number: e.number,
					pool: c.pool,
					cohort: c.cohort,
					n: c.n,
					figures: JSON.stringify(c.figures),
					computed_in: c.computedIn
				}))
			)
			.execute();
	for (let i = 0; i < members.length; i += BATCH)
		await db
			.insertInto('edition_members')
			.values(
				members.slice(i, i + BATCH).map((m) => ({
					campaign: e.campaign,
					number: e.number,
					contribution_id: m.id,
					digest: m.digest
				}))
			)
			.execute();
}

/** Invitations of a campaign: issued, and redeemed (at least one token signed). */
export async function invitationCounts(
	db: Db,
	campaign: number
): Promise<{ issued: number; redeemed: number }> {
	const issued = await db
		.selectFrom('invitations')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('campaign', '=', campaign)
		.executeTakeFirstOrThrow();
	const redeemed = await db
		.selectFrom('invitations')
		.select((eb) => eb.fn.count('invitations.code_hash').distinct().as('n'))
		.innerJoin('issuances', 'issuances.code_hash', 'invitations.code_hash')
		.where('invitations.campaign', '=', campaign)
		.executeTakeFirstOrThrow();
	return { issued: Number(issued.n), redeemed: Number(redeemed.n) };
}

/**
 * Deletes a campaign and everything of it: contributions, editions, cells, snapshots, keys,
 * invitations and their issuances (the demo seed replaces its campaigns this way).
 */
export async function deleteCampaign(db: Db, campaign: number): Promise<void> {
	const codes = db.selectFrom('invitations').select('code_hash').where('campaign', '=', campaign);
	await db.deleteFrom('issuances').where('code_hash', 'in', codes).execute();
	for (const table of [
		'invitations',
		'signing_keys',
		'edition_members',
		'edition_cells',
		'editions',
		'contributions'
	] as const)
		await db.deleteFrom(table).where('campaign', '=', campaign).execute();
	await db.deleteFrom('campaigns').where('year', '=', campaign).execute();
}

const toEdition = (e: {
	campaign: number;
	number: number;
	published_on: string;
	methodology: string;
	synthetic: number;
}): EditionRecord => ({
	campaign: e.campaign,
	number: e.number,
	publishedOn: e.published_on,
	methodology: JSON.parse(e.methodology) as unknown,
	synthetic: e.synthetic === 1
});

const toCell = (c: {
	pool: string;
	cohort: string;
	n: number;
	figures: string;
	computed_in: number;
}): EditionCell => ({
	pool: c.pool,
	cohort: c.cohort,
	n: c.n,
	figures: JSON.parse(c.figures) as EditionCell['figures'],
	computedIn: c.computed_in
});
