/**
 * `npm run benchmarks:export -- --campaign <year> [--format csv|json] [--out file] [--synthetic]`:
 * writes the live contributions of a campaign (withdrawn ones left out) in the import format
 * (CSV by default, to standard output). Never an id, a token hash or a source: only what the
 * import format holds. Real contributions only, unless --synthetic, which adds the demo rows and
 * a `synthetic` column (such a file is for reading, not for importing).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCli } from '../src/lib/server/benchmarks/cli.ts';
import { formatExport, toRecord } from '../src/lib/server/benchmarks/transfer.ts';
import { listCampaigns } from '../src/lib/server/store/campaigns.ts';
import { listLive } from '../src/lib/server/store/editions.ts';

const NAME = 'benchmarks:export';
const usage = `usage: npm run ${NAME} -- --campaign <year> [--format csv|json] [--out file] [--synthetic]`;
// `… | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(0);
	throw e;
});
let args;
try {
	args = parseArgs({
		options: {
			campaign: { type: 'string' },
			format: { type: 'string', default: 'csv' },
			out: { type: 'string' },
			synthetic: { type: 'boolean' }
		}
	});
} catch (e) {
	console.error(`${NAME}: ${(e as Error).message}\n${usage}`);
	process.exit(2);
}
const { format, out, synthetic, campaign } = args.values;
if (format !== 'csv' && format !== 'json') {
	console.error(`${NAME}: --format is csv or json, not "${format}"`);
	process.exit(2);
}
if (!/^\d{4}$/.test(campaign ?? '')) {
	console.error(`${NAME}: --campaign <year> is required\n${usage}`);
	process.exit(2);
}
const year = Number(campaign);

const { store, where } = await openCli(NAME);
let records;
try {
	if (!(await listCampaigns(store.db)).some((c) => c.year === year)) {
		console.error(`${NAME}: there is no campaign ${year}`);
		process.exit(1);
	}
	records = (await listLive(store.db, year))
		.filter((c) => synthetic || !c.synthetic)
		.map((c) => toRecord(c, c.synthetic))
		// Storage order follows the random ids; sort so that two exports of one state are equal.
		.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
} finally {
	await store.close();
}
const text = formatExport(records, format, synthetic ?? false);
if (out) writeFileSync(out, text);
else process.stdout.write(text);
console.error(
	`${where}: ${records.length} contributions of campaign ${year} exported${out ? ` to ${out}` : ''}.`
);
