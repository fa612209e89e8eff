import type { Benchmark } from '../../domain/benchmark.ts';
import { cohortChain } from '../../domain/cohort.ts';
import type { Contribution } from '../../domain/contribution.ts';
import { compareWithEarlier, type QuestionnaireProgress } from '../../domain/progress.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import { buildReport } from '../../domain/report.ts';
import { scoreQuestionnaire } from '../../domain/scoring.ts';
import { earlierDiagnostics, type DiagnosticKey } from '../../domain/year.ts';
import { buildContribution, fetchBenchmark } from '../benchmarks.ts';
import { loadQuestionnaire } from '../catalog.ts';
import type { Http } from '../participation/api.ts';
import { sameCohort } from '../participation/record.ts';
import {
	repository,
	type Diagnostic,
	type DiagnosticSummary,
	type Repository
} from '../storage/repository.ts';
import type { ParticipationState } from './participation.svelte.ts';

/** What the choice of an earlier diagnostic knows of one. */
function keyOf(d: Diagnostic): DiagnosticKey {
	return {
		id: d.assessment.id,
		createdAt: d.assessment.createdAt,
		code: d.profile.code,
		basedOn: d.assessment.basedOn
	};
}

/** The peer figures of each questionnaire (null where they could not be loaded). */
export interface Peers {
	benchmarks: Record<string, Benchmark | null>;
	/** Some could not be loaded (offline?): the page says so. */
	unavailable: boolean;
}

/**
 * The latest published peer figures of each questionnaire for the profile's cohort. The results
 * page fetches them in its load, alongside the questionnaires, so that it renders once with them
 * (rendering without, then again with, cost a second long task of the whole page).
 */
export async function fetchPeers(
	questionnaires: readonly Questionnaire[],
	profile: Diagnostic['profile'],
	http: typeof fetch = fetch
): Promise<Peers> {
	const results = await Promise.allSettled(
		questionnaires.map((q) => fetchBenchmark(q.id, q.version, profile, http))
	);
	const benchmarks: Record<string, Benchmark | null> = {};
	results.forEach(
		(r, i) => (benchmarks[questionnaires[i]!.id] = r.status === 'fulfilled' ? r.value : null)
	);
	return { benchmarks, unavailable: results.some((r) => r.status === 'rejected') };
}

/** What contributing a questionnaire would send, or why it cannot be sent yet. */
export type Draft =
	| { kind: 'no_token' }
	| { kind: 'incomplete' }
	| { kind: 'version_not_collected'; versions: number[] }
	| { kind: 'ready'; contribution: Contribution; profileCohortDiffers: boolean };

/** The results of one diagnostic: scores, peers, obligations, action plan, progress, contributions. */
export class Results {
	readonly diagnostic: Diagnostic;
	readonly questionnaires: Questionnaire[];
	/** Earlier diagnostics of the same territory, newest first (see `earlierDiagnostics`). */
	readonly earlierOptions: DiagnosticSummary[];
	benchmarks: Record<string, Benchmark | null> = $state({});
	/** The peer figures could not be loaded (offline?): the page says so. */
	peersUnavailable = $state(false);
	progress: QuestionnaireProgress[] | null = $state(null);
	/** The diagnostic compared with: the previous one of the territory at first, '' for none. */
	earlierId = $state('');
	/**
	 * Contributing, loaded when the officer opens the contribution panel (`openParticipation`):
	 * its code, texts and crypto are not part of the page's first load.
	 */
	participation: ParticipationState | null = $state(null);
	#repo: Repository;
	#http: Http | undefined;

	constructor(
		diagnostic: Diagnostic,
		questionnaires: Questionnaire[],
		others: DiagnosticSummary[],
		repo: Repository = repository(),
		http?: Http
	) {
		this.diagnostic = diagnostic;
		this.questionnaires = questionnaires;
		this.#repo = repo;
		this.#http = http;
		const keys = others.map(keyOf);
		this.earlierOptions = earlierDiagnostics(keyOf(diagnostic), keys).map(
			(k) => others[keys.indexOf(k)]!
		);
		this.earlierId = this.earlierOptions[0]?.assessment.id ?? '';
	}

	/** Compares with the diagnostic preselected (the previous one of the territory), if any. */
	async comparePreselected(): Promise<void> {
		if (this.earlierId && this.progress === null) await this.compareWith(this.earlierId);
	}

	parts = $derived.by(() =>
		this.questionnaires.map((questionnaire) => {
			const answers = this.diagnostic.answers[questionnaire.id] ?? {};
			return {
				questionnaire,
				answers,
				scores: scoreQuestionnaire(questionnaire, this.diagnostic.profile, answers)
			};
		})
	);
	/** What the page, the PDF and the CSV show: scores, peers, obligations, the action plan. */
	report = $derived.by(() =>
		buildReport({ parts: this.parts, benchmarks: this.benchmarks, progress: this.progress })
	);

	/** Shows these peer figures (fetched by `fetchPeers`, in the page's load). */
	usePeers(peers: Peers): void {
		this.benchmarks = peers.benchmarks;
		this.peersUnavailable = peers.unavailable;
	}

	async compareWith(id: string): Promise<void> {
		this.earlierId = id;
		if (!id) return void (this.progress = null);
		const earlier = await this.#repo.get(id);
		if (this.earlierId !== id) return; // another was chosen meanwhile
		if (!earlier) return void (this.progress = null);
		const out: QuestionnaireProgress[] = [];
		for (const q of this.questionnaires) {
			const pinned = earlier.assessment.questionnaires.find((p) => p.id === q.id);
			if (!pinned || pinned.version > q.version) continue;
			// The same version needs no other (nothing to fetch); an older one, the chain between.
			const versions =
				pinned.version === q.version
					? [q]
					: await Promise.all(
							Array.from({ length: q.version - pinned.version + 1 }, (_, i) =>
								loadQuestionnaire(q.id, pinned.version + i)
							)
						);
			out.push(
				compareWithEarlier(
					q,
					this.diagnostic.answers[q.id] ?? {},
					earlier.answers[q.id] ?? {},
					pinned.version,
					versions,
					this.diagnostic.profile
				)
			);
		}
		if (this.earlierId === id) this.progress = out;
	}

	/**
	 * What contributing this questionnaire would send: its scores, with the campaign and the
	 * official cohort of its token (not the profile's), for a version the campaign collects.
	 */
	draft(questionnaireId: string): Draft {
		const part = this.parts.find((p) => p.questionnaire.id === questionnaireId);
		const token = this.participation?.token(questionnaireId);
		if (!part || !token) return { kind: 'no_token' };
		if (!token.versions.includes(part.questionnaire.version))
			return { kind: 'version_not_collected', versions: token.versions };
		const contribution = buildContribution(part.scores, token.cohort, token.campaign);
		if (!contribution) return { kind: 'incomplete' };
		const mine = cohortChain(this.diagnostic.profile)[0]!;
		return { kind: 'ready', contribution, profileCohortDiffers: !sameCohort(token.cohort, mine) };
	}

	async contribute(questionnaireId: string): Promise<void> {
		const d = this.draft(questionnaireId);
		if (d.kind === 'ready') await this.participation?.contribute(questionnaireId, d.contribution);
	}

	/** Loads the contribution code and the diagnostic's tokens, once. */
	async openParticipation(): Promise<ParticipationState> {
		if (this.participation) return this.participation;
		const { ParticipationState } = await import('./participation.svelte.ts');
		const p = new ParticipationState(this.diagnostic.assessment.id, this.#repo, this.#http);
		await p.load();
		return (this.participation ??= p);
	}
}
