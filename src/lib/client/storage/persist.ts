import type { Repository } from './repository.ts';

/**
 * Asks the browser to keep this site's storage even when space runs low (otherwise it may evict
 * it). Asked once, when the first diagnostic is created; the answer is remembered.
 */
export async function requestPersistence(repo: Repository): Promise<boolean | undefined> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return undefined;
	if ((await repo.getSetting<boolean>('persisted')) === true) return true;
	const granted = await navigator.storage.persist();
	await repo.setSetting('persisted', granted);
	return granted;
}
