/**
 * `npm run observatory -- <verb> …`: the operator's tools (campaigns, invitations, status,
 * publication), on the server, with the server's settings. See `--help` and docs/observatory.md.
 */
import { readFileSync } from 'node:fs';
import { openCli } from '../src/lib/server/benchmarks/cli.ts';
import { publishCommand } from '../src/lib/server/editions/cli.ts';
import { CliError, HELP, runObservatory } from '../src/lib/server/participation/cli.ts';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
	console.log(HELP);
	process.exit(args.length === 0 ? 2 : 0);
}

const ctx = await openCli('observatory');
try {
	await runObservatory(
		args,
		ctx,
		{
			out: (l) => console.log(l),
			err: (l) => console.error(l),
			readFile: (p) => readFileSync(p, 'utf8'),
			now: () => new Date()
		},
		(rest, c) => publishCommand(rest, c)
	);
} catch (e) {
	if (!(e instanceof CliError)) throw e;
	console.error(`observatory: ${e.message}`);
	process.exitCode = e.exitCode;
} finally {
	await ctx.store.close();
}
