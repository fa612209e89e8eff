/**
 * `npm start`: builds the app when the sources changed since the last build, then serves the
 * production server (http://127.0.0.1:3000 by default; PORT and HOST change it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../src/lib/server/config.ts';
import { sourceFingerprint } from './lib/fingerprint.ts';

const STAMP = 'build/.source-fingerprint';

let config;
try {
	config = loadConfig();
} catch (e) {
	if (e instanceof ConfigError) {
		console.error(`numeriscope: ${e.message}`);
		process.exit(2);
	}
	throw e;
}

const fingerprint = sourceFingerprint();
const built =
	existsSync('build/index.js') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint;
if (!built) {
	console.log('Building the application (first start or changed sources)…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('numeriscope: the build failed (see above).');
		process.exit(result.status ?? 1);
	}
	writeFileSync(STAMP, fingerprint);
}

const shown = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
console.log(`Numériscope: http://${shown}:${config.PORT}`);
const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: { ...process.env, PORT: String(config.PORT), HOST: config.HOST }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
