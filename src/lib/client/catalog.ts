import type { Questionnaire } from '../domain/questionnaire.ts';
import type { QuestionnaireSummary } from '../domain/summary.ts';

/**
 * Questionnaires in the browser come as validated JSON from prerendered files (the service worker
 * keeps them for offline use); each is fetched once per page life.
 */
const cache = new Map<string, Promise<Questionnaire>>();

export function loadQuestionnaire(
	id: string,
	version: number,
	fetcher: typeof fetch = fetch
): Promise<Questionnaire> {
	const key = `${id}/${version}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = getJson<Questionnaire>(
			fetcher,
			`/api/questionnaires/${encodeURIComponent(id)}/v${version}.json`
		);
		pending.catch(() => cache.delete(key));
		cache.set(key, pending);
	}
	return pending;
}

export function loadSummaries(fetcher: typeof fetch = fetch): Promise<QuestionnaireSummary[]> {
	return getJson(fetcher, '/api/catalog.json');
}

/** The newest version of each questionnaire. */
export function latestVersions(summaries: QuestionnaireSummary[]): QuestionnaireSummary[] {
	const latest = new Map<string, QuestionnaireSummary>();
	for (const s of summaries) if ((latest.get(s.id)?.version ?? 0) < s.version) latest.set(s.id, s);
	return [...latest.values()];
}

async function getJson<T>(fetcher: typeof fetch, url: string): Promise<T> {
	const res = await fetcher(url);
	if (!res.ok) throw new Error(`${url} : ${res.status} ${res.statusText}`);
	return (await res.json()) as T;
}
