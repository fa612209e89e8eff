import type { Kysely } from 'kysely';
import type { Collected } from '../../domain/participation.ts';
import type { StoreSchema } from './schema.ts';

/** A campaign as the store keeps it: the year, what it collects, until when, whether it is open. */
export interface CampaignRecord {
	year: number;
	collects: Collected[];
	/** `YYYY-MM-DD`, or null. */
	closes: string | null;
	status: 'open' | 'closed';
	synthetic: boolean;
}

type Db = Kysely<StoreSchema>;

/** Stores a new campaign; false when a campaign of that year exists already (nothing changes). */
export async function insertCampaign(db: Db, c: CampaignRecord): Promise<boolean> {
	const inserted = await db
		.insertInto('campaigns')
		.values({
			year: c.year,
			collects: JSON.stringify(c.collects),
			closes: c.closes,
			status: c.status,
			synthetic: c.synthetic ? 1 : 0
		})
		.onConflict((oc) => oc.column('year').doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every campaign, latest first. */
export async function listCampaigns(db: Db): Promise<CampaignRecord[]> {
	const rows = await db.selectFrom('campaigns').selectAll().orderBy('year', 'desc').execute();
	return rows.map((r) => ({
		year: r.year,
		collects: JSON.parse(r.collects) as Collected[],
		closes: r.closes,
		status: r.status === 'open' ? 'open' : 'closed',
		synthetic: r.synthetic === 1
	}));
}

/** Opens or closes a campaign; false when there is no campaign of that year. */
export async function setCampaignStatus(
	db: Db,
	year: number,
	status: CampaignRecord['status']
): Promise<boolean> {
	const r = await db
		.updateTable('campaigns')
		.set({ status })
		.where('year', '=', year)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/** One campaign, or undefined when there is none of that year. */
export async function findCampaign(db: Db, year: number): Promise<CampaignRecord | undefined> {
	const r = await db
		.selectFrom('campaigns')
		.selectAll()
		.where('year', '=', year)
		.executeTakeFirst();
	return r
		? {
				year: r.year,
				collects: JSON.parse(r.collects) as Collected[],
				closes: r.closes,
				status: r.status === 'open' ? 'open' : 'closed',
				synthetic: r.synthetic === 1
			}
		: undefined;
}

/**
 * Whether a campaign takes tokens and contributions on a day (`YYYY-MM-DD`, UTC): open, and
 * its closing day, if any, not past (the closing day itself still counts).
 */
export const acceptsOn = (c: CampaignRecord, day: string): boolean =>
	c.status === 'open' && (c.closes === null || day <= c.closes);
