/**
 * `npm run bench:observatory`: the observatory page (`/observatoire`, the demo editions) on the
 * built server:
 * - the JavaScript (gzip -9) it loads in Chromium, against the home page in the same run;
 * - its Lighthouse performance and accessibility scores (targets ≥ 0.95 and 1.0);
 * - its server time at 20 connections (autocannon, 10 s after a warm-up; target p99 < 50 ms),
 *   against a static file of the same server at 20 connections (a reference for the machine's
 *   load at the time: on a shared machine, read the ratio too).
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { ensureBuild } from '../../scripts/lib/build.ts';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { freePort, startBuiltServer } from '../support/server.ts';
import { scriptWeight, uncachedPage } from './lib/script-weight.ts';

/** autocannon ships no types: the part of its result read here. */
const autocannon = createRequire(import.meta.url)('autocannon') as (o: {
	url: string;
	connections: number;
	duration: number;
}) => Promise<{
	requests: { average: number };
	latency: { p50: number; p99: number };
	non2xx: number;
	errors: number;
}>;

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** p50 and p99 latency (ms) and requests per second of `url` at 20 connections for `seconds`. */
async function load(url: string, seconds: number) {
	const r = await autocannon({ url, connections: 20, duration: seconds });
	if (r.non2xx > 0 || r.errors > 0)
		throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
	return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
}

if (!ensureBuild()) process.exit(1);
const server = await startBuiltServer({
	SQLITE_PATH: join(tmpdir(), `numeriscope-bench-observatory-${process.pid}.sqlite`)
});
const page = `${server.url}/observatoire`;
let ok = true;
try {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
	const context = await browser.newContext();
	const observatory = await uncachedPage(context);
	const js = await scriptWeight(observatory, async () => {
		await observatory.goto(page);
		await observatory.waitForLoadState('networkidle');
	});
	const home = await uncachedPage(context);
	const homeJs = await scriptWeight(home, async () => {
		await home.goto(server.url + '/');
		await home.waitForLoadState('networkidle');
	});
	const html = await (await fetch(page)).text();
	await browser.close();
	console.log('observatory bench (demo editions)');
	console.log(
		`  JS of /observatoire: ${kb(js.bytes)} in ${js.files} files (home page: ${kb(homeJs.bytes)}); HTML ${kb(html.length)} before compression`
	);

	// Lighthouse drives its own browser through a debugging port.
	const port = await freePort();
	const lh = await chromium.launchPersistentContext(
		join(tmpdir(), `numeriscope-bench-observatory-chromium-${process.pid}`),
		{ executablePath: chromiumPath(), args: [...chromiumArgs, `--remote-debugging-port=${port}`] }
	);
	try {
		const result = await lighthouse(page, {
			port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility']
		});
		const c = result?.lhr.categories;
		const perf = c?.['performance']?.score ?? 0;
		const a11y = c?.['accessibility']?.score ?? 0;
		const audit = (id: string) => result?.lhr.audits[id]?.displayValue ?? '?';
		console.log(
			`  Lighthouse: performance ${perf.toFixed(2)}, accessibility ${a11y.toFixed(2)} (targets ≥ 0.95 and 1.0); LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}`
		);
		ok &&= perf >= 0.95 && a11y >= 1;
	} finally {
		await lh.close();
	}

	// Server time: a warm-up (the page's data is built once per address), then the measure.
	await load(page, 2);
	const measured = await load(page, 10);
	const reference = await load(`${server.url}/favicon.svg`, 5);
	console.log(
		`  server time at 20 connections: p50 ${measured.p50} ms, p99 ${measured.p99} ms (target p99 < 50 ms), ${Math.round(measured.rps)} pages/s`
	);
	console.log(
		`  reference, a static file at 20 connections: p99 ${reference.p99} ms, ${Math.round(reference.rps)} requests/s (page/static: p99 ${(measured.p99 / reference.p99).toFixed(2)}, throughput ${(measured.rps / reference.rps).toFixed(2)})`
	);
	ok &&= measured.p99 < 50;
} finally {
	await server.stop();
}
console.log(ok ? '  within targets' : '  OFF TARGET');
process.exitCode = ok ? 0 : 1;
