import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startBuiltServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'numeriscope-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('starting the server', () => {
	it('stops on a bad setting with a message naming the variable', async () => {
		await expect(
			startBuiltServer({ BENCHMARK_K: '1', SQLITE_PATH: join(dir, 'a.sqlite') })
		).rejects.toThrow(/exited \(2\)[\s\S]*BENCHMARK_K="1": must be between 3 and 1000/);
	});

	it('stops when the PostgreSQL server cannot be reached, saying which setting', async () => {
		const port = await freePort(); // nothing listens there
		await expect(
			startBuiltServer({ DATABASE_URL: `postgres://app:secret@127.0.0.1:${port}/numeriscope` })
		).rejects.toThrow(/exited \(1\)[\s\S]*cannot open the benchmark store \(DATABASE_URL\)/);
	});

	it('creates the embedded store and its folder on first start', async () => {
		const server = await startBuiltServer({
			SQLITE_PATH: join(dir, 'nested', 'folder', 'store.sqlite'),
			DEMO_DATA: 'off'
		});
		const res = await fetch(server.url + '/api/benchmarks?questionnaire=donnees&version=1&type=cc');
		expect(res.status).toBe(200);
		await server.stop();
	});
});
