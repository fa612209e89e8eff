/**
 * `npm start`: builds the app when the sources changed since the last build, then serves the
 * production server (scripts/serve.ts; http://127.0.0.1:3000 by default, PORT and HOST change it).
 */
import { spawn } from 'node:child_process';
import { configOrExit } from '../src/lib/server/config.ts';
import { ensureBuild } from './lib/build.ts';

const config = configOrExit();

if (!ensureBuild()) {
	console.error('numeriscope: the build failed (see above).');
	process.exit(1);
}

const shown = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
console.log(`Numériscope: http://${shown}:${config.PORT}`);
// The server entry (scripts/serve.ts) validates the settings again, listens, and says a port in
// use or a bad address in one line; its exit code is ours.
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
	stdio: 'inherit',
	env: { ...process.env, PORT: String(config.PORT), HOST: config.HOST }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
