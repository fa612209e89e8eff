import type { Condition } from './condition.ts';
import { type TerritoryType } from './profile.ts';
import { territoryTypeLabels } from './profile-fields.ts';
import { regions } from './regions.ts';

const fr = new Intl.NumberFormat('fr-FR');
const typeName = (t: unknown) =>
	territoryTypeLabels[t as TerritoryType]?.toLowerCase() ?? String(t);
const list = (xs: string[]) =>
	xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ou ${xs.at(-1)}`;

/**
 * A condition in plain French, to tell the officer why a question is not asked:
 * `{ all: [{ profile: population, gte: 3500 }, { profile: agents, gte: 50 }] }` →
 * "population de 3 500 habitants ou plus et 50 agents ou plus".
 * `questionText` gives the wording of another question a condition refers to.
 */
export function describeCondition(
	c: Condition,
	questionText: (id: string) => string = (id) => id
): string {
	if (c.all) return c.all.map((x) => describeCondition(x, questionText)).join(' et ');
	if (c.any) return c.any.map((x) => describeCondition(x, questionText)).join(' ou ');
	if (c.not) return `pas dans le cas suivant : ${describeCondition(c.not, questionText)}`;
	if (c.profile === 'type')
		return `collectivité de type ${list((c.in ?? [c.equals]).map(typeName))}`;
	if (c.profile === 'region')
		return `région ${list((c.in ?? [c.equals]).map((r) => regions[String(r)] ?? String(r)))}`;
	if (c.profile === 'population')
		return c.gte !== undefined
			? `population de ${fr.format(c.gte)} habitants ou plus`
			: `population de moins de ${fr.format(c.lt!)} habitants`;
	if (c.profile === 'agents')
		return c.gte !== undefined
			? `${fr.format(c.gte)} agents ou plus`
			: `moins de ${fr.format(c.lt!)} agents`;
	if (c.question) {
		const q = `la réponse à « ${questionText(c.question)} »`;
		if (c.gte !== undefined) return `${q} est d'au moins ${fr.format(c.gte)}`;
		if (c.lt !== undefined) return `${q} est inférieure à ${fr.format(c.lt)}`;
		return `${q} le permet`;
	}
	return '';
}
