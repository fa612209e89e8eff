/**
 * `npm test`: every gate and every test suite, in order, without stopping at the first failure.
 * Gates (format, lint, types, questionnaires, messages, build) count as one test each; vitest's
 * tests are counted one by one. Ends with the plain line `N passed, N failed` that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBuild } from './lib/build.ts';

interface Outcome {
	name: string;
	passed: number;
	failed: number;
	skipped: number;
}

const outcomes: Outcome[] = [];
const run = (cmd: string, args: string[]) =>
	spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0;

function gate(name: string, ok: () => boolean) {
	console.log(`\n▶ ${name}`);
	const passed = ok();
	outcomes.push({ name, passed: passed ? 1 : 0, failed: passed ? 0 : 1, skipped: 0 });
}

/** Runs vitest with a JSON report so that each test is counted. */
function vitest(name: string, args: string[]) {
	console.log(`\n▶ ${name}`);
	const report = 'tests/artifacts/vitest.json';
	mkdirSync('tests/artifacts', { recursive: true });
	rmSync(report, { force: true });
	const ok = run('npx', [
		'vitest',
		'run',
		...args,
		'--reporter=default',
		'--reporter=json',
		`--outputFile=${report}`
	]);
	try {
		const r = JSON.parse(readFileSync(report, 'utf8')) as {
			numPassedTests: number;
			numFailedTests: number;
			numPendingTests: number;
			numTodoTests: number;
		};
		// A suite that crashes before its tests run still fails the run.
		const failed = r.numFailedTests + (ok || r.numFailedTests > 0 ? 0 : 1);
		outcomes.push({
			name,
			passed: r.numPassedTests,
			failed,
			skipped: r.numPendingTests + r.numTodoTests
		});
	} catch {
		outcomes.push({ name, passed: 0, failed: 1, skipped: 0 });
	}
}

/** Runs Playwright in Debian's Chromium; counts each test from its JSON report. */
function playwright(name: string) {
	console.log(`\n▶ ${name}`);
	if (!existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium')) {
		// In CI the suite must run: a missing browser is a failure there, a skip elsewhere.
		const ci = process.env['CI'] === 'true';
		console.log(
			`Chromium is missing (apt-get install -y chromium)${ci ? '' : ': end-to-end tests skipped'}.`
		);
		outcomes.push({ name, passed: 0, failed: ci ? 1 : 0, skipped: ci ? 0 : 1 });
		return;
	}
	const report = 'tests/artifacts/e2e.json';
	rmSync(report, { force: true });
	const ok = run('npx', ['playwright', 'test']);
	try {
		const { stats } = JSON.parse(readFileSync(report, 'utf8')) as {
			stats: { expected: number; unexpected: number; flaky: number; skipped: number };
		};
		const failed = stats.unexpected + stats.flaky + (ok || stats.unexpected > 0 ? 0 : 1);
		outcomes.push({ name, passed: stats.expected, failed, skipped: stats.skipped });
	} catch {
		outcomes.push({ name, passed: 0, failed: 1, skipped: 0 });
	}
}

gate('format (prettier)', () => run('npx', ['prettier', '--check', '.']));
gate('lint (eslint)', () => run('npx', ['eslint', '.', '--max-warnings', '0']));
gate('types (svelte-check)', () => run('npm', ['run', '--silent', 'check']));
gate('questionnaires:check', () => run('npx', ['tsx', 'scripts/questionnaires-check.ts']));
gate('messages:check', () => run('npx', ['tsx', 'scripts/messages-check.ts']));
gate('build', ensureBuild);
vitest('unit, content and HTTP tests (vitest)', []);
playwright('end-to-end tests (Playwright, Chromium)');

console.log('\nSummary');
for (const o of outcomes)
	console.log(
		`  ${o.failed > 0 ? 'FAIL' : 'ok  '} ${o.name}: ${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ''}`
	);
const total = (k: 'passed' | 'failed' | 'skipped') => outcomes.reduce((n, o) => n + o[k], 0);
const skipped = total('skipped');
console.log(
	`${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`
);
process.exit(total('failed') > 0 ? 1 : 0);
