/**
 * `npm run benchmarks:import -- <file.csv|file.json> [--keep-synthetic]`: loads a campaign's
 * contributions into the benchmark store. Every row is checked as the API would check it; one
 * bad row and nothing is imported, with the list of rejected rows (line or item number and
 * reason). Otherwise every row is stored in one transaction, and the demo set is removed unless
 * --keep-synthetic. Importing is additive: importing a file twice counts it twice.
 * Exit codes: 0 imported, 1 rejected or failed, 2 bad usage or settings.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { insertContributions } from '../src/lib/server/store/contributions.ts';
import { openCli } from '../src/lib/server/benchmarks/cli.ts';
import { ImportError, parseImport } from '../src/lib/server/benchmarks/transfer.ts';

const NAME = 'benchmarks:import';
const usage = `usage: npm run ${NAME} -- <file.csv|file.json> [--keep-synthetic]`;
let args;
try {
	args = parseArgs({ allowPositionals: true, options: { 'keep-synthetic': { type: 'boolean' } } });
} catch (e) {
	console.error(`${NAME}: ${(e as Error).message}\n${usage}`);
	process.exit(2);
}
const [file, ...extra] = args.positionals;
const format =
	extname(file ?? '').toLowerCase() === '.csv'
		? 'csv'
		: extname(file ?? '').toLowerCase() === '.json'
			? 'json'
			: null;
if (!file || extra.length > 0 || !format) {
	console.error(`${NAME}: give one .csv or .json file\n${usage}`);
	process.exit(2);
}
let text: string;
try {
	text = readFileSync(file, 'utf8');
} catch (e) {
	console.error(`${NAME}: cannot read ${file}: ${(e as Error).message}`);
	process.exit(2);
}

const { store, catalog, where } = await openCli(NAME);
try {
	const { records, rejected } = parseImport(text, format, catalog, new Date());
	if (rejected.length > 0) {
		const unit = format === 'csv' ? 'line' : 'item';
		console.error(
			`${file}: ${rejected.length} of ${records.length + rejected.length} rows rejected; nothing was imported.`
		);
		for (const r of rejected) console.error(`  ${unit} ${r.row}: ${r.reason}`);
		process.exitCode = 1;
	} else {
		const removed = args.values['keep-synthetic'] ? 0 : await store.count({ synthetic: true });
		// TODO(editions): an imported set becomes one more source of a campaign.
		await insertContributions(store.db, records, {
			removeSynthetic: !args.values['keep-synthetic']
		});
		const groups = new Map<string, number>();
		for (const r of records)
			groups.set(
				`${r.questionnaire} ${r.campaign}`,
				(groups.get(`${r.questionnaire} ${r.campaign}`) ?? 0) + 1
			);
		console.log(`${where}: ${records.length} contributions imported from ${file}.`);
		for (const [g, n] of [...groups].sort()) console.log(`  ${g}: ${n}`);
		if (removed > 0) console.log(`${removed} synthetic (demo) contributions removed.`);
	}
} catch (e) {
	if (!(e instanceof ImportError)) throw e;
	console.error(`${file}: ${e.message}; nothing was imported.`);
	process.exitCode = 1;
} finally {
	await store.close();
}
