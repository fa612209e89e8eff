import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from '@playwright/test';

/** A new page whose HTTP cache is off, so that every script a navigation needs is fetched. */
export async function uncachedPage(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await (
		await context.newCDPSession(page)
	).send('Network.setCacheDisabled', { cacheDisabled: true });
	return page;
}

/**
 * The gzip -9 size of every script `page` loads while `action` runs, and how many files.
 * With `--detail` on the command line, each file is listed.
 */
export async function scriptWeight(
	page: Page,
	action: () => Promise<unknown>
): Promise<{ bytes: number; files: number }> {
	const sizes: Promise<number>[] = [];
	const listener = (r: Response) => {
		if (r.request().resourceType() !== 'script') return;
		const size = r.body().then((b) => gzipSync(b, { level: 9 }).length);
		if (process.argv.includes('--detail'))
			void size.then((n) =>
				console.log(`    ${(n / 1024).toFixed(1).padStart(6)} KB ${new URL(r.url()).pathname}`)
			);
		sizes.push(size);
	};
	page.on('response', listener);
	await action();
	page.off('response', listener);
	const all = await Promise.all(sizes);
	return { bytes: all.reduce((a, b) => a + b, 0), files: all.length };
}
