/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

/**
 * Offline after the first visit: the app's code, static files and the prerendered questionnaires
 * are cached at install; pages are fetched from the network first and, offline, served from the
 * cache (diagnostics pages render in the browser, so one cached shell serves them all). The
 * benchmark API and the territory search stay network-only.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `numeriscope-${version}`;
/** A page rendered in the browser only: its HTML is the same at every URL. */
const SHELL = '/importer';
const PRECACHE = [...build, ...files, ...prerendered, '/', SHELL];
const precached = new Set(PRECACHE);
const NETWORK_ONLY = /^\/api\/(benchmarks|contributions|territories)(\/|$|\?)/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (
		request.method !== 'GET' ||
		url.origin !== sw.location.origin ||
		NETWORK_ONLY.test(url.pathname)
	)
		return;
	if (precached.has(url.pathname) && request.mode !== 'navigate') {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	event.respondWith(networkFirst(request, url));
});

async function networkFirst(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (offline) {
		const hit = await cache.match(request);
		if (hit) return hit;
		if (request.mode === 'navigate') {
			const fallback = url.pathname === '/' ? await cache.match('/') : await cache.match(SHELL);
			if (fallback) return fallback;
		}
		throw offline;
	}
}
