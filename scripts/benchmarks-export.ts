/**
 * `npm run benchmarks:export -- [--format csv|json] [--out file] [--synthetic]`: writes the
 * stored contributions in the import format (CSV by default, to standard output). Real
 * contributions only, unless --synthetic, which adds the demo set and a `synthetic` column
 * (such a file is for reading, not for importing). Never a token: the store has only hashes.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listContributions } from '../src/lib/server/store/contributions.ts';
import { openCli } from '../src/lib/server/benchmarks/cli.ts';
import { formatExport } from '../src/lib/server/benchmarks/transfer.ts';

const NAME = 'benchmarks:export';
// `… | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(0);
	throw e;
});
let args;
try {
	args = parseArgs({
		options: {
			format: { type: 'string', default: 'csv' },
			out: { type: 'string' },
			synthetic: { type: 'boolean' }
		}
	});
} catch (e) {
	console.error(`${NAME}: ${(e as Error).message}`);
	process.exit(2);
}
const { format, out, synthetic } = args.values;
if (format !== 'csv' && format !== 'json') {
	console.error(`${NAME}: --format is csv or json, not "${format}"`);
	process.exit(2);
}

const { store, where } = await openCli(NAME);
const records = (await listContributions(store.db)).filter((r) => synthetic || !r.synthetic);
await store.close();
const text = formatExport(records, format, synthetic ?? false);
if (out) writeFileSync(out, text);
else process.stdout.write(text);
console.error(`${where}: ${records.length} contributions exported${out ? ` to ${out}` : ''}.`);
