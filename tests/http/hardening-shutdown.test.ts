/**
 * The server entry keeps adapter-node's graceful shutdown: on SIGTERM or SIGINT it stops
 * accepting, lets open connections go, emits `sveltekit:shutdown` (on which the benchmark store
 * closes: SQLite then folds its write-ahead log back into the file and removes it) and exits 0.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openContribution, thisYear } from '../support/api.ts';
import { openCampaign } from '../support/participation.ts';
import { startBuiltServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'numeriscope-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown', () => {
	it.each(['SIGTERM', 'SIGINT'] as const)(
		'on %s: exits 0 with the store closed, an idle keep-alive connection notwithstanding',
		async (signal) => {
			const db = join(dir, `${signal}.sqlite`);
			openCampaign(db, thisYear);
			const server = await startBuiltServer({
				SQLITE_PATH: db,
				DEMO_DATA: 'off',
				OPEN_PARTICIPATION: 'on'
			});
			const res = await fetch(server.url + '/api/contributions', {
				method: 'POST',
				headers: { 'content-type': 'application/json', connection: 'keep-alive' },
				body: JSON.stringify(openContribution())
			});
			expect(res.status).toBe(201);
			expect(existsSync(db + '-wal')).toBe(true);
			const exited = new Promise<number | null>((r) => server.process.once('exit', r));
			server.process.kill(signal);
			expect(await exited).toBe(0);
			expect(existsSync(db + '-wal')).toBe(false); // closed by sveltekit:shutdown
		}
	);
});
