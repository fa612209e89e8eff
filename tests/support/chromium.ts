import { existsSync } from 'node:fs';

/** Debian's Chromium: browsers are never downloaded on these machines (see TOOLCHAIN). */
export function chromiumPath(): string {
	const candidates = [
		process.env['CHROMIUM_PATH'],
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser'
	];
	const found = candidates.find((p): p is string => !!p && existsSync(p));
	if (!found)
		throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
	return found;
}

export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
