import { m } from '$lib/paraglide/messages';
import type { Condition } from '../domain/condition.ts';
import { describeCondition, type ConditionDescription } from '../domain/condition-text.ts';
import { formatList, formatNumber } from './format.ts';
import { regionName, territoryTypeLabel } from './territory.ts';

/**
 * Why a question is asked, in the language of the page:
 * `{ all: [{ profile: population, gte: 3500 }, { profile: agents, gte: 50 }] }` →
 * « population de 3 500 habitants ou plus et 50 agents ou plus ».
 * `questionText` gives the wording of another question a condition refers to.
 */
export function conditionText(
	c: Condition,
	questionText: (id: string) => string = (id) => id
): string {
	return say(describeCondition(c), questionText);
}

function say(d: ConditionDescription, questionText: (id: string) => string): string {
	const n = (x: number) => formatNumber(x);
	switch (d.code) {
		case 'all':
		case 'any':
			return formatList(
				d.parts.map((p) => say(p, questionText)),
				d.code === 'all' ? 'conjunction' : 'disjunction'
			);
		case 'not':
			return m.condition_not({ condition: say(d.part, questionText) });
		case 'type':
			return m.condition_type({
				types: formatList(
					d.values.map((t) => territoryTypeLabel(t).toLowerCase()),
					'disjunction'
				)
			});
		case 'region':
			return m.condition_region({ regions: formatList(d.values.map(regionName), 'disjunction') });
		case 'population_at_least':
			return m.condition_population_at_least({ n: n(d.n) });
		case 'population_below':
			return m.condition_population_below({ n: n(d.n) });
		case 'agents_at_least':
			return m.condition_agents_at_least({ n: n(d.n) });
		case 'agents_below':
			return m.condition_agents_below({ n: n(d.n) });
		case 'answer_at_least':
			return m.condition_answer_at_least({ question: questionText(d.question), n: n(d.n) });
		case 'answer_below':
			return m.condition_answer_below({ question: questionText(d.question), n: n(d.n) });
		case 'answer_allows':
			return m.condition_answer_allows({ question: questionText(d.question) });
		case 'always':
			return m.condition_always();
	}
}
