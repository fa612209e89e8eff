import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.ts';

export interface RunningPostgres {
	/** `postgres://postgres@127.0.0.1:<port>/postgres`. */
	url: string;
	/** A fresh empty database on this server, for one suite. */
	database(name: string): Promise<string>;
	stop(): void;
}

/** The newest PostgreSQL server binaries on this machine (Debian layout), if any. */
export function postgresBinaries(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? join(root, versions[0], 'bin') : null;
}

/**
 * Starts a throwaway PostgreSQL server on a free loopback port, in a temporary directory that
 * `stop()` removes. `initdb` refuses to run as root, so as root the cluster belongs to the
 * `postgres` user. fsync is off: these clusters hold test data only.
 * Returns null when PostgreSQL is not installed; under CI=true it throws instead, so that a
 * machine without PostgreSQL cannot pass the store suite by skipping it.
 */
export async function startPostgres(): Promise<RunningPostgres | null> {
	const bin = postgresBinaries();
	if (!bin) {
		if (process.env.CI === 'true')
			throw new Error('PostgreSQL is not installed (apt-get install postgresql): CI needs it');
		return null;
	}
	const dir = mkdtempSync('/tmp/numeriscope-pg-');
	const asRoot = userInfo().uid === 0;
	const run = (cmd: string, args: string[]) =>
		asRoot
			? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
					stdio: 'pipe'
				})
			: execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
	if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
	const data = join(dir, 'data');
	const port = await freePort();
	try {
		run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
		run('pg_ctl', [
			'-D',
			data,
			'-l',
			join(dir, 'server.log'),
			'-w',
			'-t',
			'30',
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -F`,
			'start'
		]);
	} catch (e) {
		const detail = e instanceof Error && 'stderr' in e ? String(e.stderr) : String(e);
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`could not start PostgreSQL from ${bin}: ${detail}`);
	}
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	let count = 0;
	return {
		url,
		async database(name) {
			const db = `${name.replace(/\W/g, '_')}_${++count}`;
			run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', db]);
			return `postgres://postgres@127.0.0.1:${port}/${db}`;
		},
		stop() {
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
