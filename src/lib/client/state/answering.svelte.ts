import type { Answer } from '../../domain/answer.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import { askedFlags } from '../../domain/applicability.ts';
import { completion, hasResponse, type Completion } from '../../domain/completion.ts';
import { database } from '../storage/db.ts';
import { saveAnswer } from '../storage/diagnostic.ts';

/** Writes one answer; the page's database by default. */
export type SaveAnswer = (
	assessmentId: string,
	questionnaireId: string,
	questionId: string,
	answer: Answer | undefined
) => Promise<void>;
const saveInPage: SaveAnswer = (...args) => saveAnswer(database(), ...args);

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
	#save: SaveAnswer;
	#pending = 0;

	constructor(
		assessmentId: string,
		questionnaire: Questionnaire,
		profile: Profile,
		initial: Record<string, Answer>,
		save: SaveAnswer = saveInPage
	) {
		this.assessmentId = assessmentId;
		this.questionnaire = questionnaire;
		this.profile = profile;
		this.answers = { ...initial };
		this.#save = save;
	}

	/** Sets (or, with undefined, erases) the answer to a question and saves it. */
	async set(questionId: string, given: Answer | undefined): Promise<void> {
		// IndexedDB cannot store the proxies of reactive state: write a plain copy. An answer is
		// JSON data (answerSchema); a JSON copy spares this page `$state.snapshot`'s runtime.
		const answer: Answer | undefined = given && JSON.parse(JSON.stringify(given));
		if (answer) this.answers[questionId] = answer;
		else delete this.answers[questionId];
		this.#pending++;
		this.saveState = 'saving';
		try {
			await this.#save(this.assessmentId, this.questionnaire.id, questionId, answer);
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.#pending--;
			if (this.#pending === 0) this.saveState = this.error ? 'error' : 'saved';
		}
	}

	/**
	 * Each question's status, by id: not asked (its condition excludes it), unanswered or answered
	 * ("je ne sais pas" and "non applicable" are answers). Scores are not needed while answering,
	 * so this page does not load the scoring module.
	 */
	status = $derived.by(() => {
		const asked = askedFlags(this.questionnaire, this.profile, this.answers);
		const out: Record<string, 'notAsked' | 'unanswered' | 'answered'> = {};
		this.questionnaire.questions.forEach((q, i) => {
			out[q.id] = !asked[i]
				? 'notAsked'
				: hasResponse(q, this.answers[q.id])
					? 'answered'
					: 'unanswered';
		});
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

	/**
	 * Answered (including "je ne sais pas" and "non applicable") / asked, for a theme or all: the
	 * one measure (`completion`), as the list of diagnostics and the overview show it.
	 */
	progress(themeId?: string): Completion {
		return completion(this.questionnaire, this.profile, this.answers, themeId);
	}
}
