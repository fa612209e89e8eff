import type { ResolvedPathname } from '$app/types';
import { localizeHref } from '$lib/paraglide/runtime';

/**
 * A resolved path in the page's language (`/observatoire` → `/en/observatoire`), with an
 * optional query string. It keeps the `ResolvedPathname` type that the
 * `svelte/no-navigation-without-resolve` lint rule accepts (the same as `$lib/localized-href`
 * of the shell, which this can give way to).
 */
export function localized(
	path: ResolvedPathname,
	query?: Record<string, string>
): ResolvedPathname {
	const href = localizeHref(path);
	return (query ? `${href}?${new URLSearchParams(query)}` : href) as ResolvedPathname;
}
