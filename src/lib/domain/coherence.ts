import { regionCodeSchema } from './profile.ts';
import { agentsBandEdges, territoryTypes } from './profile-fields.ts';
import type { Condition } from './condition.ts';
import { referencedQuestions } from './condition.ts';
import type { Problem } from './problem.ts';
import type { Question, Questionnaire } from './questionnaire.ts';
import { allChoices, maxScore, minScore } from './question-rules.ts';

/**
 * What a schema cannot check inside one questionnaire file: unique ids, references between
 * themes, questions, choices and conditions, condition cycles, reachable scores, level ladder,
 * and the shape of the migration from the previous version. Returns every problem found.
 */
export function checkCoherence(q: Questionnaire): Problem[] {
	const problems: Problem[] = [];
	const add = (path: PropertyKey[], message: string) => problems.push({ path, message });

	duplicates(q.themes.map((t) => t.id)).forEach((i) =>
		add(['themes', i, 'id'], `duplicate theme id "${q.themes[i]?.id}"`)
	);
	duplicates(q.questions.map((x) => x.id)).forEach((i) =>
		add(['questions', i, 'id'], `duplicate question id "${q.questions[i]?.id}"`)
	);
	duplicates(q.levels.map((l) => l.id)).forEach((i) =>
		add(['levels', i, 'id'], `duplicate level id "${q.levels[i]?.id}"`)
	);

	const themeIds = new Set(q.themes.map((t) => t.id));
	const byId = new Map(q.questions.map((x) => [x.id, x]));
	q.questions.forEach((question, i) => {
		const at = ['questions', i];
		if (!themeIds.has(question.theme))
			add(
				[...at, 'theme'],
				`unknown theme "${question.theme}" (themes: ${[...themeIds].join(', ')})`
			);
		checkQuestionScores(question, at, add);
		if (question.applicableIf)
			checkCondition(question.applicableIf, question, byId, [...at, 'applicableIf'], add);
	});
	q.themes.forEach((theme, i) => {
		const scored = q.questions.filter((x) => x.theme === theme.id && x.weight > 0);
		if (scored.length === 0)
			add(['themes', i, 'id'], `theme "${theme.id}" has no scored question (weight > 0)`);
	});
	checkCycles(q, add);
	checkLevels(q, add);

	q.comparableWith.forEach((v, i) => {
		if (v >= q.version)
			add(
				['comparableWith', i],
				`comparableWith lists earlier versions only (${v} ≥ ${q.version})`
			);
	});
	if (q.version === 1 && q.migration)
		add(['migration'], 'version 1 has no previous version to migrate from');
	if (q.version > 1 && !q.migration)
		add(
			['migration'],
			`version ${q.version} must declare its migration from version ${q.version - 1}`
		);
	if (q.migration) checkMigrationTargets(q, byId, add);
	return problems;
}

type Add = (path: PropertyKey[], message: string) => void;

function duplicates(ids: string[]): number[] {
	const seen = new Set<string>();
	return ids.flatMap((id, i) => (seen.has(id) ? [i] : (seen.add(id), [])));
}

function checkQuestionScores(question: Question, at: PropertyKey[], add: Add) {
	if (question.kind === 'single' || question.kind === 'multiple') {
		duplicates(question.choices.map((c) => c.id)).forEach((i) =>
			add([...at, 'choices', i, 'id'], `duplicate choice id "${question.choices[i]?.id}"`)
		);
		const none = question.kind === 'multiple' ? question.noneOfThese : undefined;
		if (none && question.choices.some((c) => c.id === none.id))
			add(
				[...at, 'noneOfThese', 'id'],
				`noneOfThese id "${none.id}" is also the id of a choice: give it its own (e.g. "aucun")`
			);
	}
	if (question.kind === 'scale' && question.scale.min >= question.scale.max)
		add(
			[...at, 'scale', 'max'],
			`scale max (${question.scale.max}) must be above min (${question.scale.min})`
		);
	if (question.kind === 'number') {
		question.thresholds.forEach((t, i) => {
			const prev = question.thresholds[i - 1];
			if (prev && t.from <= prev.from)
				add(
					[...at, 'thresholds', i, 'from'],
					`thresholds must be strictly ascending (${t.from} after ${prev.from})`
				);
		});
	}
	const best = maxScore(question);
	if (best !== null && best < 100 && question.weight > 0) {
		const where =
			question.kind === 'boolean'
				? 'scores'
				: question.kind === 'number'
					? 'thresholds'
					: 'choices';
		add(
			[...at, where],
			question.kind === 'multiple'
				? `the choices of "${question.id}" add up to ${best}: all ticked must reach 100`
				: `the best answer to "${question.id}" scores ${best}: it must score 100 so that a fully mature territory reaches 100`
		);
	}
	const worst = minScore(question);
	question.recommendations.forEach((r, i) => {
		if (worst !== null && r.whenScoreBelow <= worst)
			add(
				[...at, 'recommendations', i, 'whenScoreBelow'],
				`this recommendation can never be shown: no answer scores below ${r.whenScoreBelow}`
			);
	});
	if (question.legalBasis && best !== null && question.legalBasis.metFromScore > best)
		add(
			[...at, 'legalBasis', 'metFromScore'],
			`no answer reaches ${question.legalBasis.metFromScore}: the obligation could never be met`
		);
}

function checkCondition(
	c: Condition,
	owner: Question,
	byId: Map<string, Question>,
	at: PropertyKey[],
	add: Add
) {
	c.all?.forEach((x, i) => checkCondition(x, owner, byId, [...at, 'all', i], add));
	c.any?.forEach((x, i) => checkCondition(x, owner, byId, [...at, 'any', i], add));
	if (c.not) checkCondition(c.not, owner, byId, [...at, 'not'], add);
	if (c.profile) checkProfileTest(c, at, add);
	if (c.question !== undefined) {
		const target = byId.get(c.question);
		if (!target) return add([...at, 'question'], `unknown question "${c.question}"`);
		if (target.id === owner.id)
			return add([...at, 'question'], `"${owner.id}" cannot depend on its own answer`);
		checkAnswerTest(c, target, at, add);
	}
}

function checkProfileTest(c: Condition, at: PropertyKey[], add: Add) {
	const values = c.in ?? (c.equals !== undefined ? [c.equals] : []);
	const op = c.in ? 'in' : 'equals';
	switch (c.profile) {
		case 'type':
			values.forEach((v) => {
				if (!(territoryTypes as readonly unknown[]).includes(v))
					add([...at, op], `unknown territory type "${v}" (one of ${territoryTypes.join(', ')})`);
			});
			if (c.gte !== undefined || c.lt !== undefined)
				add(at, 'a territory type is tested with equals or in');
			break;
		case 'region':
			values.forEach((v) => {
				if (!regionCodeSchema.safeParse(v).success)
					add([...at, op], `"${v}" is not a two-digit INSEE region code`);
			});
			if (c.gte !== undefined || c.lt !== undefined)
				add(at, 'a region is tested with equals or in');
			break;
		case 'population':
		case 'agents': {
			if (c.equals !== undefined || c.in !== undefined)
				add(at, `${c.profile} is tested with gte or lt`);
			const n = c.gte ?? c.lt;
			if (n !== undefined && n < 0)
				add([...at, c.gte !== undefined ? 'gte' : 'lt'], 'a threshold cannot be negative');
			if (c.profile === 'agents' && n !== undefined && !agentsBandEdges.includes(n))
				add(
					[...at, c.gte !== undefined ? 'gte' : 'lt'],
					`agents are known by band: a threshold must be a band edge (${agentsBandEdges.join(', ')})`
				);
		}
	}
}

function checkAnswerTest(c: Condition, target: Question, at: PropertyKey[], add: Add) {
	const numeric = c.gte !== undefined || c.lt !== undefined;
	switch (target.kind) {
		case 'single':
		case 'multiple': {
			if (numeric) return add(at, `"${target.id}" is a choice question: test it with equals or in`);
			const ids = new Set(allChoices(target).map((x) => x.id));
			const values = c.in ?? [c.equals];
			values.forEach((v) => {
				if (typeof v !== 'string' || !ids.has(v))
					add(
						[...at, c.in ? 'in' : 'equals'],
						`"${String(v)}" is not a choice of "${target.id}" (${[...ids].join(', ')})`
					);
			});
			return;
		}
		case 'boolean':
			if (typeof c.equals !== 'boolean')
				add(at, `"${target.id}" is a yes/no question: test it with equals: true or equals: false`);
			return;
		case 'scale':
		case 'number':
			if (
				c.in?.some((v) => typeof v !== 'number') ||
				(c.equals !== undefined && typeof c.equals !== 'number')
			)
				add(at, `"${target.id}" is a ${target.kind} question: compare it with numbers`);
			return;
		case 'text':
			add(at, `"${target.id}" is free text: a condition cannot depend on it`);
	}
}

/** A question cannot, through its conditions, depend on itself. Reports each cycle once. */
function checkCycles(q: Questionnaire, add: Add) {
	const deps = new Map(q.questions.map((x) => [x.id, referencedQuestions(x.applicableIf)]));
	const index = new Map(q.questions.map((x, i) => [x.id, i]));
	const state = new Map<string, 'visiting' | 'done'>();
	const stack: string[] = [];
	const visit = (id: string) => {
		state.set(id, 'visiting');
		stack.push(id);
		for (const next of deps.get(id) ?? []) {
			if (!deps.has(next) || next === id) continue; // reported as unknown / self reference
			if (state.get(next) === 'visiting') {
				const cycle = [...stack.slice(stack.indexOf(next)), next];
				add(
					['questions', index.get(next) ?? 0, 'applicableIf'],
					`condition cycle: ${cycle.join(' → ')}`
				);
			} else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(id, 'done');
	};
	for (const x of q.questions) if (!state.has(x.id)) visit(x.id);
}

function checkLevels(q: Questionnaire, add: Add) {
	const first = q.levels[0];
	if (first && first.min !== 0)
		add(['levels', 0, 'min'], `the first level must start at 0 (found ${first.min})`);
	q.levels.forEach((l, i) => {
		const prev = q.levels[i - 1];
		if (prev && l.min <= prev.min)
			add(
				['levels', i, 'min'],
				`levels must be in ascending order of min (${l.min} after ${prev.min})`
			);
	});
}

function checkMigrationTargets(q: Questionnaire, byId: Map<string, Question>, add: Add) {
	const m = q.migration!;
	const at = ['migration'];
	if (m.from !== q.version - 1)
		add(
			[...at, 'from'],
			`version ${q.version} migrates from version ${q.version - 1}, not ${m.from}`
		);
	for (const [oldId, newId] of Object.entries(m.renamed)) {
		if (!byId.has(newId))
			add(
				[...at, 'renamed', oldId],
				`renamed to "${newId}", which is not a question of this version`
			);
	}
	m.removed.forEach((id, i) => {
		if (byId.has(id))
			add(
				[...at, 'removed', i],
				`"${id}" is listed as removed but is still a question of this version`
			);
	});
	for (const [questionId, map] of Object.entries(m.choices)) {
		const target = byId.get(questionId);
		if (!target) {
			add([...at, 'choices', questionId], `unknown question "${questionId}"`);
			continue;
		}
		if (target.kind !== 'single' && target.kind !== 'multiple') {
			add([...at, 'choices', questionId], `"${questionId}" has no choices to remap`);
			continue;
		}
		const ids = new Set(allChoices(target).map((c) => c.id));
		for (const [oldChoice, newChoice] of Object.entries(map)) {
			if (newChoice !== null && !ids.has(newChoice))
				add(
					[...at, 'choices', questionId, oldChoice],
					`"${newChoice}" is not a choice of "${questionId}"`
				);
		}
	}
}
