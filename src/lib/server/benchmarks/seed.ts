import type { Kysely } from 'kysely';
import type { Catalog } from '../../domain/catalog.ts';
import { FIRST_CAMPAIGN } from '../../domain/contribution.ts';
import type { Collected } from '../../domain/participation.ts';
import { publishEdition } from '../editions/publish.ts';
import { insertCampaign, listCampaigns } from '../store/campaigns.ts';
import { deleteCampaign, insertContributions } from '../store/editions.ts';
import type { StoreSchema } from '../store/schema.ts';
import { territories } from '../territories/data.ts';
import { demoContributions } from './demo.ts';

/** Points of progress from one demo campaign to the next: enough to show a trend. */
const YEARLY_IMPROVEMENT = 3;

export interface SeedResult {
	/** The demo campaigns seeded, each with one published edition. */
	campaigns: { year: number; contributions: number; cells: number }[];
	/** Years left alone because a real campaign holds them. */
	skipped: number[];
	/** The current year's campaign, when this seed opened it. */
	opened: number | null;
}

/** The latest version of every questionnaire of the catalog. */
export function latestVersions(catalog: Catalog): Collected[] {
	return [...new Set(catalog.list().map((q) => q.id))].map((id) => ({
		questionnaire: id,
		version: catalog.latest(id)!.version
	}));
}

/**
 * The demo: two synthetic, closed campaigns (the two years before `now`'s), each with a fresh
 * deterministic synthetic set over the real territory list and one published edition, then the
 * current year's campaign opened (collecting the latest versions, not synthetic, no closing
 * date) unless it exists. A demo campaign seeded before is replaced; a real campaign of one of
 * those years is left alone. Each demo campaign is written in one transaction, then published.
 */
export async function seedDemo(
	db: Kysely<StoreSchema>,
	catalog: Catalog,
	now: Date,
	k: number
): Promise<SeedResult> {
	const year = now.getUTCFullYear();
	const collects = latestVersions(catalog);
	const existing = await listCampaigns(db);
	const result: SeedResult = { campaigns: [], skipped: [], opened: null };
	const years = [year - 2, year - 1].filter((y) => y >= FIRST_CAMPAIGN);
	for (const [i, demoYear] of years.entries()) {
		if (existing.some((c) => c.year === demoYear && !c.synthetic)) {
			result.skipped.push(demoYear);
			continue;
		}
		const rows = demoContributions(territories(), catalog, demoYear, i * YEARLY_IMPROVEMENT);
		await db.transaction().execute(async (tx) => {
			await deleteCampaign(tx, demoYear);
			await insertCampaign(tx, {
				year: demoYear,
				collects,
				closes: `${demoYear}-12-15`,
				status: 'closed',
				synthetic: true
			});
			await insertContributions(tx, rows);
		});
		const published = await publishEdition(db, catalog, {
			campaign: demoYear,
			k,
			publishedOn: `${demoYear}-12-15`
		});
		result.campaigns.push({
			year: demoYear,
			contributions: rows.length,
			cells: published.counts.published
		});
	}
	if (!existing.some((c) => c.year === year)) {
		await insertCampaign(db, { year, collects, closes: null, status: 'open', synthetic: false });
		result.opened = year;
	}
	return result;
}
