import type { Kysely } from 'kysely';
import type { Catalog } from '../../domain/catalog.ts';
import type { StoreSchema } from '../store/schema.ts';
import { PublishError, publishEdition } from './publish.ts';

/** What `publish` needs from the command line's context. */
export interface PublishContext {
	db: Kysely<StoreSchema>;
	catalog: Catalog;
	k: number;
	/** Data lines (stdout) and messages (stderr). */
	out: (line: string) => void;
	err: (line: string) => void;
}

/**
 * `observatory publish <year>`: publishes the campaign's next edition and prints its number and
 * how many cells were published, carried over and suppressed. Returns the exit code: 0 published
 * or nothing new, 1 refused, 2 bad usage.
 */
export async function publishCommand(
	args: readonly string[],
	ctx: PublishContext
): Promise<number> {
	const usage = 'usage: observatory publish <year>';
	if (args.length !== 1 || !/^\d{4}$/.test(args[0]!)) {
		ctx.err(
			`publish: give one campaign year (got ${args.length ? args.join(' ') : 'nothing'})\n${usage}`
		);
		return 2;
	}
	const campaign = Number(args[0]);
	try {
		const r = await publishEdition(ctx.db, ctx.catalog, { campaign, k: ctx.k });
		const { published, carried, suppressed } = r.counts;
		if (r.status === 'unchanged') {
			ctx.err(
				`campaign ${campaign}: nothing new since edition ${r.number} (${carried} cells would be carried over unchanged, none dropped); no edition published`
			);
			return 0;
		}
		ctx.out(
			JSON.stringify({ campaign, edition: r.number, published, carriedOver: carried, suppressed })
		);
		ctx.err(
			`campaign ${campaign}: edition ${r.number} published: ${published} cells with new figures, ${carried} carried over, ${suppressed} suppressed`
		);
		return 0;
	} catch (e) {
		if (!(e instanceof PublishError)) throw e;
		ctx.err(`publish: ${e.message}`);
		return 1;
	}
}
