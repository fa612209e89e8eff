import type { ResolvedPathname } from '$app/types';
import { localizeHref } from '$lib/paraglide/runtime';

/**
 * A link inside the app that keeps the page's language (`/en/…` on an English page):
 * `localHref(resolve('/diagnostics/[id]', { id }))`, with an optional query string. Typed as a
 * resolved path, so that `svelte/no-navigation-without-resolve` accepts it in `href` and `goto`.
 */
export function localHref(
	path: ResolvedPathname,
	query?: Record<string, string>
): ResolvedPathname {
	const href = localizeHref(path);
	return (query ? `${href}?${new URLSearchParams(query)}` : href) as ResolvedPathname;
}
