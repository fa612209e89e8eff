import type { Benchmark } from '../../domain/benchmark.ts';
import type { Contribution } from '../../domain/contribution.ts';
import { actionPlan } from '../../domain/action-plan.ts';
import { obligations } from '../../domain/obligations.ts';
import { compareWithEarlier, type QuestionnaireProgress } from '../../domain/progress.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import { scoreGlobal, scoreQuestionnaire } from '../../domain/scoring.ts';
import {
	buildContribution,
	fetchBenchmark,
	replaceContribution,
	sendContribution,
	withdrawContribution
} from '../benchmarks.ts';
import { loadQuestionnaire } from '../catalog.ts';
import {
	repository,
	type Diagnostic,
	type DiagnosticSummary,
	type Repository
} from '../storage/repository.ts';

interface Sent {
	token: string;
	contribution: Contribution;
}

/** The results of one diagnostic: scores, peers, obligations, action plan, progress, contributions. */
export class Results {
	readonly diagnostic: Diagnostic;
	readonly questionnaires: Questionnaire[];
	readonly earlierOptions: DiagnosticSummary[];
	benchmarks: Record<string, Benchmark | null> = $state({});
	peersError: string | null = $state(null);
	progress: QuestionnaireProgress[] | null = $state(null);
	earlierId = $state('');
	sent: Record<string, Sent | undefined> = $state({});
	contributeError: string | null = $state(null);
	#repo: Repository;

	constructor(
		diagnostic: Diagnostic,
		questionnaires: Questionnaire[],
		others: DiagnosticSummary[],
		repo: Repository = repository()
	) {
		this.diagnostic = diagnostic;
		this.questionnaires = questionnaires;
		this.#repo = repo;
		const code = diagnostic.profile.code;
		// Earlier diagnostics of the same territory, newest first.
		this.earlierOptions = others.filter(
			(o) =>
				o.assessment.id !== diagnostic.assessment.id &&
				!!code &&
				o.profile.code === code &&
				o.assessment.createdAt < diagnostic.assessment.createdAt
		);
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
	global = $derived.by(() =>
		scoreGlobal(
			this.parts.map((p) => p.scores),
			this.questionnaires[0]?.levels ?? []
		)
	);
	obligations = $derived.by(() =>
		this.parts.flatMap((p) => obligations(p.questionnaire, p.scores))
	);
	plan = $derived.by(() => actionPlan(this.parts));
	synthetic = $derived(Object.values(this.benchmarks).some((b) => b?.synthetic));

	async loadBenchmarks(): Promise<void> {
		const results = await Promise.allSettled(
			this.questionnaires.map((q) => fetchBenchmark(q.id, q.version, this.diagnostic.profile))
		);
		const next: Record<string, Benchmark | null> = {};
		results.forEach(
			(r, i) => (next[this.questionnaires[i]!.id] = r.status === 'fulfilled' ? r.value : null)
		);
		this.benchmarks = next;
		if (results.some((r) => r.status === 'rejected'))
			this.peersError =
				'La comparaison avec les pairs est indisponible (hors ligne ?). Vos scores restent calculés ici.';
		for (const q of this.questionnaires)
			this.sent[q.id] = await this.#repo.getSetting<Sent>(this.#key(q.id));
	}

	async compareWith(id: string): Promise<void> {
		this.earlierId = id;
		if (!id) return void (this.progress = null);
		const earlier = await this.#repo.get(id);
		if (!earlier) return void (this.progress = null);
		const out: QuestionnaireProgress[] = [];
		for (const q of this.questionnaires) {
			const pinned = earlier.assessment.questionnaires.find((p) => p.id === q.id);
			if (!pinned || pinned.version > q.version) continue;
			const versions = await Promise.all(
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
		this.progress = out;
	}

	/** What contributing this questionnaire would send, or null when it cannot be sent yet. */
	contribution(questionnaireId: string): Contribution | null {
		const part = this.parts.find((p) => p.questionnaire.id === questionnaireId);
		return part ? buildContribution(part.scores, this.diagnostic.profile) : null;
	}

	async contribute(questionnaireId: string): Promise<void> {
		const c = this.contribution(questionnaireId);
		if (!c) return;
		await this.#act(async () => {
			const previous = this.sent[questionnaireId];
			if (previous) await replaceContribution(c, previous.token);
			const token = previous?.token ?? (await sendContribution(c));
			const sent = { token, contribution: c };
			await this.#repo.setSetting(this.#key(questionnaireId), $state.snapshot(sent));
			this.sent[questionnaireId] = sent;
		});
	}

	async withdraw(questionnaireId: string): Promise<void> {
		const previous = this.sent[questionnaireId];
		if (!previous) return;
		await this.#act(async () => {
			await withdrawContribution(previous.token);
			await this.#repo.setSetting(this.#key(questionnaireId), undefined);
			this.sent[questionnaireId] = undefined;
		});
	}

	#key(questionnaireId: string) {
		return `contribution:${this.diagnostic.assessment.id}:${questionnaireId}`;
	}

	async #act(work: () => Promise<void>) {
		try {
			await work();
			this.contributeError = null;
		} catch (e) {
			this.contributeError = e instanceof Error ? e.message : String(e);
		}
	}
}
