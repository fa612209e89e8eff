import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

export interface RunningServer {
	url: string;
	process: ChildProcess;
	/** Everything the server printed so far, stdout and stderr. */
	output(): string;
	stop(): Promise<void>;
}

/** The production server's command line, as `npm start` runs it (see scripts/serve.ts). */
export const serverArgs = ['--import', 'tsx', 'scripts/serve.ts'];

function assertBuilt() {
	if (!existsSync('build/handler.js'))
		throw new Error(
			'build/ is missing: run `npm run build` (npm test does it) before the HTTP tests'
		);
}

/** Starts the built production server on a free port and waits until it answers. */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<RunningServer> {
	assertBuilt();
	const port = await freePort();
	const child = spawn(process.execPath, serverArgs, {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`the server exited (${child.exitCode}):\n${output}`);
		try {
			await fetch(url + '/', { signal: AbortSignal.timeout(1000) });
			break;
		} catch {
			if (Date.now() > deadline) {
				child.kill('SIGKILL');
				throw new Error(`the server did not answer within 20 s:\n${output}`);
			}
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return {
		url,
		process: child,
		output: () => output,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

/**
 * Runs the production server with settings meant to stop it, and returns how it ended: its
 * exit code and what it printed. Throws if it is still running after `ms`.
 */
export async function serverExit(
	env: Record<string, string>,
	ms = 20_000
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	assertBuilt();
	const child = spawn(process.execPath, serverArgs, {
		env: { ...process.env, HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (d) => (stdout += d));
	child.stderr?.on('data', (d) => (stderr += d));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`the server was still running after ${ms} ms:\n${stdout}${stderr}`));
		}, ms);
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}
