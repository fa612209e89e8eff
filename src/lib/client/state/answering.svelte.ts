import type { Answer } from '../../domain/answer.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import { scoreQuestionnaire, type QuestionStatus } from '../../domain/scoring.ts';
import { repository, type Repository } from '../storage/repository.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * The answers of one questionnaire of one diagnostic while the officer answers: every change is
 * written at once to the browser store; `saveState` tells the page what to show.
 */
export class AnsweringSession {
	answers: Record<string, Answer> = $state({});
	saveState: SaveState = $state('idle');
	error: string | null = $state(null);
	readonly assessmentId: string;
	readonly questionnaire: Questionnaire;
	readonly profile: Profile;
	/** Scores, and with them which questions are asked and answered. */
	scores = $derived.by(() => scoreQuestionnaire(this.questionnaire, this.profile, this.answers));
	#repo: Repository;
	#pending = 0;

	constructor(
		assessmentId: string,
		questionnaire: Questionnaire,
		profile: Profile,
		initial: Record<string, Answer>,
		repo: Repository = repository()
	) {
		this.assessmentId = assessmentId;
		this.questionnaire = questionnaire;
		this.profile = profile;
		this.answers = { ...initial };
		this.#repo = repo;
	}

	/** Sets (or, with undefined, erases) the answer to a question and saves it. */
	async set(questionId: string, answer: Answer | undefined): Promise<void> {
		if (answer) this.answers[questionId] = answer;
		else delete this.answers[questionId];
		this.#pending++;
		this.saveState = 'saving';
		try {
			await this.#repo.saveAnswer(this.assessmentId, this.questionnaire.id, questionId, answer);
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.#pending--;
			if (this.#pending === 0) this.saveState = this.error ? 'error' : 'saved';
		}
	}

	/** Each question's status (answered, not asked…), by id. */
	status = $derived.by(() => {
		const out: Record<string, QuestionStatus> = {};
		for (const r of this.scores.questions) out[r.questionId] = r.status;
		return out;
	});

	/** Asked questions of a theme, in questionnaire order. */
	askedIn(themeId: string) {
		return this.questionnaire.questions.filter(
			(q) => q.theme === themeId && this.status[q.id] !== 'notAsked'
		);
	}

	/** Questions of a theme that do not apply, with their condition, to say why on demand. */
	notAskedIn(themeId: string) {
		return this.questionnaire.questions.filter(
			(q) => q.theme === themeId && this.status[q.id] === 'notAsked'
		);
	}

	/** Answered (including "je ne sais pas" and "non applicable") / asked, for a theme or all. */
	progress(themeId?: string): { done: number; total: number } {
		let done = 0;
		let total = 0;
		for (const q of this.questionnaire.questions) {
			const status = this.status[q.id];
			if (status === 'notAsked' || (themeId && q.theme !== themeId)) continue;
			total++;
			if (status !== 'unanswered') done++;
		}
		return { done, total };
	}
}
