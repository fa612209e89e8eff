import type { Kysely } from 'kysely';
import { versionPools } from '../../domain/benchmark.ts';
import type { Catalog } from '../../domain/catalog.ts';
import { isUnchanged, nextEdition, type EditionCounts } from '../../domain/edition.ts';
import { listCampaigns } from '../store/campaigns.ts';
import {
	insertEdition,
	invitationCounts,
	listEditions,
	listLive,
	loadMembers
} from '../store/editions.ts';
import type { StoreSchema } from '../store/schema.ts';
import { methodology } from './methodology.ts';

/** A publication refused, with a stable code. */
export class PublishError extends Error {
	constructor(
		readonly code: 'unknown_campaign' | 'concurrent_publication',
		message: string
	) {
		super(message);
	}
}

export type PublishResult =
	| { status: 'published'; campaign: number; number: number; counts: EditionCounts }
	/** Nothing new since edition `number` (0: no edition and no contribution yet): nothing written. */
	| { status: 'unchanged'; campaign: number; number: number; counts: EditionCounts }
	/** `dryRun`: what edition `number` would be; nothing written. */
	| { status: 'preview'; campaign: number; number: number; counts: EditionCounts };

export interface PublishOptions {
	campaign: number;
	k: number;
	/** `YYYY-MM-DD`; today (UTC) by default. No finer time is published. */
	publishedOn?: string;
	/** Called between reading and writing, inside the transaction (tests use it to race two). */
	beforeWrite?: () => Promise<void>;
	/** Compute what would be published, and write nothing (`observatory status`). */
	dryRun?: boolean;
}

/**
 * How each database refuses the loser of two publications that read the same last number:
 * PostgreSQL by the primary key (23505); SQLite, when the other process committed first, by
 * refusing to upgrade a stale read transaction (SQLITE_BUSY…), or by the key.
 */
const isRace = (e: unknown) => {
	const code = (e as { code?: unknown }).code;
	return code === '23505' || (typeof code === 'string' && /^SQLITE_(CONSTRAINT|BUSY)/.test(code));
};

/**
 * Publishes the next edition of a campaign (open or closed): reads its live contributions and
 * earlier editions, applies the publication rule (`nextEdition`), and writes the edition, its
 * methodology, its cells and its member snapshot in one transaction. When nothing would change
 * (every cell carried over, none dropped) nothing is written.
 *
 * Two publications at once: both may read the same last number; the (campaign, number) primary
 * key lets one commit and makes the other fail, reported as `concurrent_publication`.
 */
export async function publishEdition(
	db: Kysely<StoreSchema>,
	catalog: Catalog,
	o: PublishOptions
): Promise<PublishResult> {
	try {
		return await db.transaction().execute(async (tx) => {
			const campaign = (await listCampaigns(tx)).find((c) => c.year === o.campaign);
			if (!campaign)
				throw new PublishError('unknown_campaign', `there is no campaign ${o.campaign}`);
			const questionnaires = [...new Set(campaign.collects.map((c) => c.questionnaire))].sort();
			const pools = questionnaires.flatMap((q) => versionPools(catalog.versions(q)));
			const live = await listLive(tx, o.campaign);
			const editions = await listEditions(tx, o.campaign);
			const computedIn = [...new Set(editions.flatMap((e) => e.cells.map((c) => c.computedIn)))];
			const members = await loadMembers(tx, o.campaign, computedIn);
			const number = (editions.at(-1)?.number ?? 0) + 1;
			const result = nextEdition({ contributions: live, pools, k: o.k, editions, members }, number);
			// Nothing new, or a first edition of nothing at all.
			if (isUnchanged(result, editions.length) || (editions.length === 0 && live.length === 0))
				return {
					status: 'unchanged',
					campaign: o.campaign,
					number: number - 1,
					counts: result.counts
				} as const;
			if (o.dryRun)
				return { status: 'preview', campaign: o.campaign, number, counts: result.counts } as const;
			await o.beforeWrite?.();
			await insertEdition(
				tx,
				{
					campaign: o.campaign,
					number,
					publishedOn: o.publishedOn ?? new Date().toISOString().slice(0, 10),
					methodology: methodology({
						k: o.k,
						pools,
						campaign,
						live,
						invitations: await invitationCounts(tx, o.campaign),
						counts: result.counts
					}),
					synthetic: campaign.synthetic
				},
				result.cells,
				live.map((c) => ({ id: c.id, digest: c.digest }))
			);
			return { status: 'published', campaign: o.campaign, number, counts: result.counts } as const;
		});
	} catch (e) {
		if (isRace(e))
			throw new PublishError(
				'concurrent_publication',
				`another publication of campaign ${o.campaign} was written first; nothing was written by this one (run publish again to see whether anything is left to publish)`
			);
		throw e;
	}
}
