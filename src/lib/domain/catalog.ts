import type { Problem } from './problem.ts';
import type { Question, Questionnaire } from './questionnaire.ts';

/** Read access to the validated questionnaires, every version of each. */
export interface Catalog {
	/** Every questionnaire version, by id then version. */
	list(): readonly Questionnaire[];
	get(id: string, version: number): Questionnaire | undefined;
	latest(id: string): Questionnaire | undefined;
	/** Every version of one questionnaire, oldest first. */
	versions(id: string): readonly Questionnaire[];
}

export function createCatalog(questionnaires: readonly Questionnaire[]): Catalog {
	const sorted = [...questionnaires].sort((a, b) =>
		a.id === b.id ? a.version - b.version : a.id.localeCompare(b.id)
	);
	const byId = new Map<string, Questionnaire[]>();
	for (const q of sorted) byId.set(q.id, [...(byId.get(q.id) ?? []), q]);
	return {
		list: () => sorted,
		get: (id, version) => byId.get(id)?.find((q) => q.version === version),
		latest: (id) => byId.get(id)?.at(-1),
		versions: (id) => byId.get(id) ?? []
	};
}

export interface VersionProblem extends Problem {
	id: string;
	version: number;
}

/**
 * What can only be checked across the versions of a questionnaire: the previous version exists,
 * the migration accounts for every old question and choice, `comparableWith` versions exist and
 * share the themes being pooled.
 */
export function checkVersions(questionnaires: readonly Questionnaire[]): VersionProblem[] {
	const problems: VersionProblem[] = [];
	const seen = new Set<string>();
	const catalog = createCatalog(questionnaires);
	for (const q of questionnaires) {
		const add = (path: PropertyKey[], message: string) =>
			problems.push({ id: q.id, version: q.version, path, message });
		const key = `${q.id}@${q.version}`;
		if (seen.has(key)) add(['version'], `version ${q.version} of "${q.id}" is defined twice`);
		seen.add(key);

		q.comparableWith.forEach((v, i) => {
			const other = catalog.get(q.id, v);
			if (!other) return add(['comparableWith', i], `version ${v} of "${q.id}" does not exist`);
			const themes = new Set(other.themes.map((t) => t.id));
			const missing = q.themes.filter((t) => !themes.has(t.id)).map((t) => t.id);
			if (missing.length > 0)
				add(
					['comparableWith', i],
					`version ${v} lacks themes ${missing.join(', ')}: their scores cannot be pooled`
				);
		});

		if (q.version === 1) continue;
		const prev = catalog.get(q.id, q.version - 1);
		if (!prev) {
			add(
				['version'],
				`version ${q.version - 1} of "${q.id}" is missing: versions follow each other from 1`
			);
			continue;
		}
		if (q.migration) checkMigration(q, prev, add);
	}
	return problems;
}

function checkMigration(
	next: Questionnaire,
	prev: Questionnaire,
	add: (path: PropertyKey[], message: string) => void
) {
	const m = next.migration!;
	const oldById = new Map(prev.questions.map((x) => [x.id, x]));
	const newById = new Map(next.questions.map((x) => [x.id, x]));
	for (const oldId of Object.keys(m.renamed)) {
		if (!oldById.has(oldId))
			add(
				['migration', 'renamed', oldId],
				`"${oldId}" is not a question of version ${prev.version}`
			);
		else if (newById.has(oldId))
			add(
				['migration', 'renamed', oldId],
				`"${oldId}" is renamed but a question with that id still exists`
			);
	}
	m.removed.forEach((id, i) => {
		if (!oldById.has(id))
			add(['migration', 'removed', i], `"${id}" is not a question of version ${prev.version}`);
	});
	const renamedTo = new Map(Object.entries(m.renamed).map(([o, n]) => [n, o]));
	for (const old of prev.questions) {
		const newId = m.renamed[old.id] ?? (m.removed.includes(old.id) ? undefined : old.id);
		if (newId === undefined) continue;
		const successor = newById.get(newId);
		if (!successor) {
			add(
				['migration'],
				`question "${old.id}" of version ${prev.version} is neither kept, renamed nor removed`
			);
			continue;
		}
		checkChoicesCarried(old, successor, m.choices[successor.id] ?? {}, add);
	}
	for (const [questionId, map] of Object.entries(m.choices)) {
		const oldId = renamedTo.get(questionId) ?? questionId;
		const old = oldById.get(oldId);
		if (!old || old.kind === 'text') {
			add(
				['migration', 'choices', questionId],
				`"${questionId}" has no predecessor with choices in version ${prev.version}`
			);
			continue;
		}
		const oldChoices = new Set(
			old.kind === 'single' || old.kind === 'multiple' ? old.choices.map((c) => c.id) : []
		);
		for (const oldChoice of Object.keys(map)) {
			if (!oldChoices.has(oldChoice))
				add(
					['migration', 'choices', questionId, oldChoice],
					`"${oldChoice}" is not a choice of "${oldId}" in version ${prev.version}`
				);
		}
	}
}

function checkChoicesCarried(
	old: Question,
	next: Question,
	map: Readonly<Record<string, string | null>>,
	add: (path: PropertyKey[], message: string) => void
) {
	if (old.kind !== 'single' && old.kind !== 'multiple') return;
	if (next.kind !== 'single' && next.kind !== 'multiple') return; // a change of kind sends answers to review
	const ids = new Set(next.choices.map((c) => c.id));
	for (const c of old.choices) {
		if (!ids.has(c.id) && !(c.id in map))
			add(
				['migration', 'choices', next.id],
				`choice "${c.id}" of "${old.id}" has no counterpart: map it to a choice of "${next.id}" or to null`
			);
	}
}
