import { m } from '$lib/paraglide/messages';
import type { AnswerChange } from '../domain/progress.ts';
import type { CarriedItem } from '../domain/year.ts';
import { carriedCounts } from '../domain/year.ts';
import { answerLabel } from './answer.ts';

/** A change of score as shown: « +8 », « −3 » (a true minus sign), « 0 », « — » when not comparable. */
export function deltaFigure(delta: number | null): string {
	if (delta === null) return '—';
	return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0';
}

/** The same change in words, for screen readers: « en hausse de 8 points ». */
export function deltaWords(delta: number | null): string {
	if (delta === null) return m.year_delta_none();
	if (delta === 0) return m.year_delta_same();
	const n = Math.abs(delta);
	if (delta > 0) return n === 1 ? m.year_delta_up_one({ n }) : m.year_delta_up_other({ n });
	return n === 1 ? m.year_delta_down_one({ n }) : m.year_delta_down_other({ n });
}

/**
 * What follows the question in a change: « : je ne sais pas → oui », the earlier and the current
 * answer in words (the question is shown apart, with its own `lang`).
 */
export function answerChangeText(c: AnswerChange): string {
	return m.year_change_answers({
		before: answerLabel(c.question, c.earlierAnswer),
		after: answerLabel(c.question, c.answer)
	});
}

/** « À revoir : 12 éléments prévus et 5 commentaires repris du diagnostic 2026 ». */
export function reviewSummary(items: readonly CarriedItem[], year: number | string): string {
	const { planned, comments } = carriedCounts(items);
	const p =
		planned === 1
			? m.year_review_planned_one({ count: planned })
			: m.year_review_planned_other({ count: planned });
	const c =
		comments === 1
			? m.year_review_comments_one({ count: comments })
			: m.year_review_comments_other({ count: comments });
	const y = String(year);
	if (planned > 0 && comments > 0)
		return m.year_review_summary_both({ planned: p, comments: c, year: y });
	return m.year_review_summary_single({ items: planned > 0 ? p : c, year: y });
}
