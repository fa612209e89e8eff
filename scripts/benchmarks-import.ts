/**
 * `npm run benchmarks:import -- <file.csv|file.json> --campaign <year>`: loads contributions
 * collected elsewhere into a campaign of the benchmark store, as one more source (`import`,
 * counted apart in the methodology of every edition they feed). The campaign must exist; every
 * row is checked as the API would check it, and must be of that campaign and of a version it
 * collects. One bad row and nothing is imported, with the list of rejected rows (line or item
 * number and reason); otherwise every row is stored in one transaction. Nothing is published:
 * the figures change at the next `observatory publish <year>`. Importing a file twice counts it
 * twice. Exit codes: 0 imported, 1 rejected or failed, 2 bad usage or settings.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { openCli } from '../src/lib/server/benchmarks/cli.ts';
import { ImportError, parseImport } from '../src/lib/server/benchmarks/transfer.ts';
import { listCampaigns } from '../src/lib/server/store/campaigns.ts';
import { insertContributions } from '../src/lib/server/store/editions.ts';

const NAME = 'benchmarks:import';
const usage = `usage: npm run ${NAME} -- <file.csv|file.json> --campaign <year>`;
let args;
try {
	args = parseArgs({ allowPositionals: true, options: { campaign: { type: 'string' } } });
} catch (e) {
	console.error(`${NAME}: ${(e as Error).message}\n${usage}`);
	process.exit(2);
}
const [file, ...extra] = args.positionals;
const ext = extname(file ?? '').toLowerCase();
const format = ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : null;
if (!file || extra.length > 0 || !format) {
	console.error(`${NAME}: give one .csv or .json file\n${usage}`);
	process.exit(2);
}
if (!/^\d{4}$/.test(args.values.campaign ?? '')) {
	console.error(`${NAME}: --campaign <year> is required (the campaign to import into)\n${usage}`);
	process.exit(2);
}
const year = Number(args.values.campaign);
let text: string;
try {
	text = readFileSync(file, 'utf8');
} catch (e) {
	console.error(`${NAME}: cannot read ${file}: ${(e as Error).message}`);
	process.exit(2);
}

const { store, catalog, where } = await openCli(NAME);
try {
	const campaign = (await listCampaigns(store.db)).find((c) => c.year === year);
	if (!campaign) {
		console.error(
			`${NAME}: there is no campaign ${year} (open it first: npm run observatory -- campaign open ${year} …); nothing was imported.`
		);
		process.exitCode = 1;
	} else {
		const { records, rejected } = parseImport(text, format, catalog, new Date(), campaign);
		if (rejected.length > 0) {
			const unit = format === 'csv' ? 'line' : 'item';
			console.error(
				`${file}: ${rejected.length} of ${records.length + rejected.length} rows rejected; nothing was imported.`
			);
			for (const r of rejected) console.error(`  ${unit} ${r.row}: ${r.reason}`);
			process.exitCode = 1;
		} else {
			await store.db.transaction().execute((tx) => insertContributions(tx, records));
			const counts = new Map<string, number>();
			for (const r of records) counts.set(r.questionnaire, (counts.get(r.questionnaire) ?? 0) + 1);
			console.log(
				`${where}: ${records.length} contributions imported into campaign ${year} from ${file} (source: import).`
			);
			for (const [q, n] of [...counts].sort()) console.log(`  ${q}: ${n}`);
			console.error(`Nothing is published until: npm run observatory -- publish ${year}`);
		}
	}
} catch (e) {
	if (!(e instanceof ImportError)) throw e;
	console.error(`${file}: ${e.message}; nothing was imported.`);
	process.exitCode = 1;
} finally {
	await store.close();
}
