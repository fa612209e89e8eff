import type { Benchmark } from '../domain/benchmark.ts';
import { cohortChain } from '../domain/cohort.ts';
import type { Contribution } from '../domain/contribution.ts';
import type { Profile } from '../domain/profile.ts';
import type { QuestionnaireScores } from '../domain/scoring.ts';

/**
 * Peer figures for one questionnaire and the territory's narrowest cohort (the server falls back
 * to wider cohorts and says so). Nothing about the territory's answers is sent.
 */
export async function fetchBenchmark(
	questionnaire: string,
	version: number,
	profile: Profile
): Promise<Benchmark> {
	const cohort = cohortChain(profile)[0]!;
	const params = new URLSearchParams({
		questionnaire,
		version: String(version),
		type: cohort.type
	});
	if (cohort.band) params.set('band', cohort.band);
	if (cohort.band && cohort.region) params.set('region', cohort.region);
	const res = await fetch(`/api/benchmarks?${params}`);
	if (!res.ok) throw new Error(`comparaison indisponible (${res.status})`);
	return (await res.json()) as Benchmark;
}

/**
 * Exactly what a contribution sends: the questionnaire version, the cohort keys, the campaign
 * year and the scores rounded to whole numbers. No name, no code, no answer, no comment.
 */
export function buildContribution(
	scores: QuestionnaireScores,
	profile: Profile,
	campaign = new Date().getFullYear()
): Contribution | null {
	if (scores.overall.score === null) return null;
	const themes: Record<string, number> = {};
	for (const [id, t] of Object.entries(scores.themes)) {
		if (t.score === null) return null; // every theme must be scored to contribute
		themes[id] = Math.round(t.score);
	}
	// The benchmark needs the full cohort: population band and region.
	const { type, band, region } = cohortChain(profile)[0]!;
	if (!band || !region) return null;
	return {
		questionnaire: scores.questionnaireId,
		version: scores.version,
		campaign,
		cohort: { type, band, region },
		scores: { overall: Math.round(scores.overall.score), themes }
	};
}

async function call(
	method: 'POST' | 'PUT' | 'DELETE',
	body?: Contribution,
	token?: string
): Promise<Response> {
	const res = await fetch('/api/contributions', {
		method,
		headers: {
			...(body ? { 'content-type': 'application/json' } : {}),
			...(token ? { authorization: `Bearer ${token}` } : {})
		},
		body: body ? JSON.stringify(body) : undefined
	});
	if (!res.ok && res.status !== 404) {
		const reason = await res.json().catch(() => null);
		throw new Error(reason?.message ?? `envoi refusé (${res.status})`);
	}
	return res;
}

/** Sends a contribution; returns the withdrawal token (given once). */
export async function sendContribution(c: Contribution): Promise<string> {
	return ((await (await call('POST', c)).json()) as { token: string }).token;
}
export async function replaceContribution(c: Contribution, token: string): Promise<void> {
	await call('PUT', c, token);
}
export async function withdrawContribution(token: string): Promise<void> {
	await call('DELETE', undefined, token);
}
