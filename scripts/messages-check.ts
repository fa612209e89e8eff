/**
 * `npx tsx scripts/messages-check.ts`: checks the message catalog — every locale file has the
 * same keys, sorted, with the same `{parameters}`, no empty value, and every key is used in
 * `src/`. Prints one line per problem naming the file and the key; exit code 1 on any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMessages } from './lib/messages-check.ts';

const dir = 'messages';
const catalogs = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));

/** Every source file under src/, but the compiled catalog and the tests. */
function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
		const path = join(folder, e.name);
		if (e.isDirectory()) return path === join('src', 'lib', 'paraglide') ? [] : sources(path);
		return /\.(ts|js|svelte)$/.test(e.name) && !e.name.includes('.test.')
			? [readFileSync(path, 'utf8')]
			: [];
	});
}

const problems = checkMessages(catalogs, sources('src'));
for (const p of problems) console.error(`messages-check: ${p}`);
if (problems.length > 0) {
	console.error(`\n${problems.length} problem(s) in the message catalog.`);
	process.exit(1);
}
const keys = Object.keys(JSON.parse(catalogs[0]!.text)).length - 1;
console.log(`messages-check: ${catalogs.length} locale(s), ${keys} key(s) each, no problem.`);
