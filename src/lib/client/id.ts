/**
 * A random id (128 bits, hex). `crypto.randomUUID` exists only on secure origins; an officer may
 * reach the app over plain http on an intranet, where `getRandomValues` still works.
 */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
