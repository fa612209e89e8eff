import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sourceFingerprint } from './fingerprint.ts';

const STAMP = 'build/.source-fingerprint';

/**
 * Builds the production server unless `build/` already matches the sources.
 * Returns false when the build fails (its output has been shown).
 */
export function ensureBuild(): boolean {
	const fingerprint = sourceFingerprint();
	const upToDate =
		existsSync('build/index.js') &&
		existsSync(STAMP) &&
		readFileSync(STAMP, 'utf8') === fingerprint;
	if (upToDate) return true;
	console.log('Building the application (first start or changed sources)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) return false;
	writeFileSync(STAMP, fingerprint);
	return true;
}
