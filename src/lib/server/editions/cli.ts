import type { CliContext } from '../benchmarks/cli.ts';
import { CliError } from '../participation/cli.ts';
import { PublishError, publishEdition } from './publish.ts';

/** Where `publish` writes: data lines (stdout) and messages (stderr). */
export interface PublishIo {
	out: (line: string) => void;
	err: (line: string) => void;
}

const consoleIo: PublishIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * `observatory publish <year>`: publishes the campaign's next edition (with the server's
 * BENCHMARK_K) and prints, as JSON on stdout, its number and how many cells were published,
 * carried over and suppressed. Nothing new since the last edition: no edition, a message, exit 0.
 * A refusal throws a `CliError` (exit 1; 2 for a usage mistake).
 */
export async function publishCommand(
	args: readonly string[],
	ctx: Pick<CliContext, 'store' | 'catalog' | 'config'>,
	io: PublishIo = consoleIo
): Promise<void> {
	if (args.length !== 1 || !/^\d{4}$/.test(args[0]!))
		throw new CliError(
			`publish: give one campaign year (got ${args.length ? args.join(' ') : 'nothing'})\nusage: observatory publish <year>`,
			2
		);
	const campaign = Number(args[0]);
	let r;
	try {
		r = await publishEdition(ctx.store.db, ctx.catalog, {
			campaign,
			k: ctx.config.BENCHMARK_K
		});
	} catch (e) {
		if (e instanceof PublishError) throw new CliError(`publish: ${e.message}`);
		throw e;
	}
	const { published, carried, suppressed } = r.counts;
	if (r.status === 'unchanged') {
		if (r.number === 0) {
			io.err(`campaign ${campaign}: no contribution yet; no edition published`);
			return;
		}
		io.err(
			`campaign ${campaign}: nothing new since edition ${r.number} (${carried} cells would be carried over unchanged, none dropped); no edition published`
		);
		return;
	}
	io.out(
		JSON.stringify({ campaign, edition: r.number, published, carriedOver: carried, suppressed })
	);
	io.err(
		`campaign ${campaign}: edition ${r.number} published: ${published} cells with new figures, ${carried} carried over, ${suppressed} suppressed`
	);
}
