import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, serverExit, startBuiltServer } from '../support/server.ts';

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

	it('stops when its port is in use, in one line naming the port, without a stack trace', async () => {
		const taken = createServer();
		await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
		const port = (taken.address() as { port: number }).port;
		try {
			const { code, stderr } = await serverExit({
				PORT: String(port),
				SQLITE_PATH: join(dir, 'busy.sqlite')
			});
			expect(code).not.toBe(0);
			expect(stderr.trim().split('\n')).toEqual([
				`numeriscope: port ${port} is already in use (PORT=${port}): stop what listens there or choose another port`
			]);
		} finally {
			taken.close();
		}
	});

	it.each([
		['ORIGIN', { ORIGIN: 'ftp://observatoire.example.org' }],
		['ORIGIN', { ORIGIN: 'https://observatoire.example.org/numeriscope' }],
		['ORIGIN', { ORIGIN: 'observatoire.example.org' }],
		['ADDRESS_HEADER', { ADDRESS_HEADER: 'X Forwarded For' }],
		['XFF_DEPTH', { XFF_DEPTH: '2' }],
		['XFF_DEPTH', { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' }],
		['BODY_SIZE_LIMIT', { BODY_SIZE_LIMIT: 'beaucoup' }]
	])('stops on a bad %s in one line: %j', async (name, env) => {
		const { code, stderr } = await serverExit({ ...env, SQLITE_PATH: join(dir, 'b.sqlite') });
		expect(code).toBe(2);
		const lines = stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		const value = (env as Record<string, string>)[name]!;
		expect(lines[0]!.startsWith(`numeriscope: ${name}=${JSON.stringify(value)}: `)).toBe(true);
	});

	it('npm start refuses a bad ORIGIN the same way, before building', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			env: { ...process.env, ORIGIN: 'https://observatoire.example.org/chemin' },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(run.status).toBe(2);
		expect(run.stderr.trim().split('\n')).toEqual([
			'numeriscope: ORIGIN="https://observatoire.example.org/chemin": must be the public address of the site, an absolute http:// or https:// URL without path (e.g. https://observatoire.example.org)'
		]);
	});

	it('says at start where client addresses come from, and that only a proxy may set it', async () => {
		const server = await startBuiltServer({
			SQLITE_PATH: join(dir, 'c.sqlite'),
			DEMO_DATA: 'off',
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '2'
		});
		await server.stop();
		expect(server.output()).toMatch(
			/client addresses \(for the write limit\) come from the x-forwarded-for header, address 2 from the right \(XFF_DEPTH=2\).*only a reverse proxy in front of this server may set it/
		);
	});
});
