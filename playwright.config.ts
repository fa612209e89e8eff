import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath, chromiumArgs } from './tests/support/chromium.ts';

const port = Number(process.env['E2E_PORT'] ?? 4173);
/**
 * The e2e server's store, computed once by the runner and inherited by the workers (which load
 * this file again): the tests run the operator's command line against it.
 */
process.env['E2E_SQLITE_PATH'] ??= join(tmpdir(), `numeriscope-e2e-${process.pid}.sqlite`);
const sqlitePath = process.env['E2E_SQLITE_PATH'];

/** End-to-end tests: the built server (scripts/serve.ts, as `npm start` runs it) driven in Debian's Chromium. */
export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'tests/artifacts/e2e',
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'tests/artifacts/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'fr-FR',
		launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
		acceptDownloads: true
	},
	webServer: {
		command: 'node --import tsx scripts/serve.ts',
		url: `http://127.0.0.1:${port}/`,
		// A throwaway benchmark store for each run.
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			SQLITE_PATH: sqlitePath,
			// Every test writes from 127.0.0.1: the default limit (30 per 10 min) is for the open web.
			RATE_LIMIT_WRITES: '10000'
		},
		reuseExistingServer: false,
		timeout: 60_000
	}
});
