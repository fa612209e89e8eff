import type { Benchmark } from '../domain/benchmark.ts';
import { benchmarkPath } from '../domain/benchmark-query.ts';
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
	profile: Profile,
	http: typeof fetch = fetch
): Promise<Benchmark> {
	// Revalidated each time (ETag, a 304 when nothing changed): a newly published edition shows at
	// once rather than after the response's max-age.
	const res = await http(benchmarkPath(questionnaire, version, cohortChain(profile)[0]!), {
		cache: 'no-cache'
	});
	if (!res.ok) throw new Error(`GET /api/benchmarks: HTTP ${res.status}`);
	return (await res.json()) as Benchmark;
}

/**
 * Exactly what a contribution sends: the questionnaire version, the official cohort and the
 * campaign of the token, and the scores rounded to whole numbers. No name, no code, no answer,
 * no comment. Null while a theme has no score.
 */
export function buildContribution(
	scores: QuestionnaireScores,
	cohort: Contribution['cohort'],
	campaign: number
): Contribution | null {
	if (scores.overall.score === null) return null;
	const themes: Record<string, number> = {};
	for (const [id, t] of Object.entries(scores.themes)) {
		if (t.score === null) return null; // every theme must be scored to contribute
		themes[id] = Math.round(t.score);
	}
	return {
		questionnaire: scores.questionnaireId,
		version: scores.version,
		campaign,
		cohort: { ...cohort },
		scores: { overall: Math.round(scores.overall.score), themes }
	};
}
