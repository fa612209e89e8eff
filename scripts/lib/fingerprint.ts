import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = [
	'src',
	'questionnaires',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'scripts/lib/chunks.ts',
	'package-lock.json'
];

/** A hash of the paths, sizes and modification times of everything a build reads. */
export function sourceFingerprint(root = '.'): string {
	const hash = createHash('sha256');
	const walk = (path: string) => {
		let st;
		try {
			st = statSync(path);
		} catch {
			return;
		}
		if (st.isDirectory()) {
			for (const name of readdirSync(path).sort()) walk(join(path, name));
		} else {
			hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
		}
	};
	for (const input of INPUTS) walk(join(root, input));
	return hash.digest('hex');
}
