import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** `/en/…` renders the route of `/…`; the language is read from the URL by the catalog. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
