import type { ResolvedPathname } from '$app/types';
import { localizeHref } from './paraglide/runtime.js';

/**
 * A resolved path of the app in the page's language (`/importer` → `/en/importer` in English):
 * `href={localized(resolve('/importer'))}`, `goto(localized(resolve(…)))`. The result keeps the
 * `ResolvedPathname` type, which is what the `svelte/no-navigation-without-resolve` lint rule
 * accepts besides a bare `resolve()` call.
 */
export function localized(path: ResolvedPathname): ResolvedPathname {
	return localizeHref(path) as ResolvedPathname;
}
