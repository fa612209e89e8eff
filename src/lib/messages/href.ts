import type { ResolvedPathname } from '$app/types';
import { localizeHref } from '$lib/paraglide/runtime';

/**
 * A link inside the app that keeps the page's language (`/en/…` on an English page):
 * `localHref(resolve('/diagnostics/[id]', { id }))`. Typed as a resolved path, so that
 * `svelte/no-navigation-without-resolve` accepts it in `href` and `goto`.
 */
export const localHref = (path: ResolvedPathname): ResolvedPathname =>
	localizeHref(path) as ResolvedPathname;
