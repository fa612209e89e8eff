/**
 * Test-data builders for the domain: short, readable questionnaires and answers.
 * Used by tests only.
 */
import type { Answer, Response } from './answer.ts';
import {
	questionnaireSchema,
	type Questionnaire,
	type QuestionnaireInput
} from './questionnaire.ts';

type QuestionInput = QuestionnaireInput['questions'][number];

const t = (fr: string) => ({ fr });

export const defaultLevels = [
	{ id: 'initial', min: 0, label: t('Initial') },
	{ id: 'en-progres', min: 40, label: t('En progrès') },
	{ id: 'avance', min: 80, label: t('Avancé') }
];

/** A valid questionnaire input around the given questions (themes inferred from them). */
export function questionnaireInput(
	questions: QuestionInput[],
	extra: Partial<QuestionnaireInput> = {}
): QuestionnaireInput {
	const themes = [...new Set(questions.map((x) => x.theme))].map((id) => ({ id, title: t(id) }));
	return {
		id: 'test',
		version: 1,
		title: t('Test'),
		description: t('Questionnaire de test'),
		themes,
		questions,
		levels: defaultLevels,
		// Required from version 2 (« état du droit au »).
		...((extra.version ?? 1) >= 2 ? { lawAsOf: '2026-11-30' } : {}),
		...extra
	};
}

/** Parses (applying defaults) — throws if the input is not a valid questionnaire. */
export function questionnaire(
	questions: QuestionInput[],
	extra: Partial<QuestionnaireInput> = {}
): Questionnaire {
	return questionnaireSchema.parse(questionnaireInput(questions, extra));
}

/** A single-choice question with choices c0, c1… scoring the given points. */
export function single(
	id: string,
	scores: number[] = [0, 50, 100],
	extra: Partial<QuestionInput> = {}
): QuestionInput {
	return {
		id,
		theme: 'a',
		kind: 'single',
		text: t(id),
		choices: scores.map((score, i) => ({ id: `c${i}`, label: t(`c${i}`), score })),
		...extra
	} as QuestionInput;
}

export function multiple(
	id: string,
	points: number[],
	extra: Partial<QuestionInput> = {}
): QuestionInput {
	return { ...single(id, points, extra), kind: 'multiple' } as QuestionInput;
}

export function yesNo(id: string, extra: Partial<QuestionInput> = {}): QuestionInput {
	return { id, theme: 'a', kind: 'boolean', text: t(id), ...extra } as QuestionInput;
}

export function numberQ(
	id: string,
	thresholds: [from: number, score: number][],
	extra: Partial<QuestionInput> = {}
): QuestionInput {
	return {
		id,
		theme: 'a',
		kind: 'number',
		text: t(id),
		thresholds: thresholds.map(([from, score]) => ({ from, score })),
		...extra
	} as QuestionInput;
}

export function scaleQ(
	id: string,
	min: number,
	max: number,
	extra: Partial<QuestionInput> = {}
): QuestionInput {
	return {
		id,
		theme: 'a',
		kind: 'scale',
		text: t(id),
		scale: { min, max, minLabel: t('min'), maxLabel: t('max') },
		...extra
	} as QuestionInput;
}

export function textQ(id: string, extra: Partial<QuestionInput> = {}): QuestionInput {
	return { id, theme: 'a', kind: 'text', text: t(id), ...extra } as QuestionInput;
}

/** Answers, tersely: `choice('c1')`, `ticks('c0', 'c2')`, `yes`, `no`, `num(3)`, `dontKnow`, `na`. */
export const choice = (id: string): Response => ({ type: 'choice', choice: id });
export const ticks = (...ids: string[]): Response => ({ type: 'choices', choices: ids });
export const yes: Response = { type: 'boolean', value: true };
export const no: Response = { type: 'boolean', value: false };
export const num = (value: number): Response => ({ type: 'number', value });
export const text = (value: string): Response => ({ type: 'text', value });
export const dontKnow: Response = { type: 'dontKnow' };
export const na: Response = { type: 'notApplicable' };

export function answers(
	entries: Record<string, Response | [Response, { planned?: boolean; comment?: string }]>
): Record<string, Answer> {
	const out: Record<string, Answer> = {};
	for (const [id, v] of Object.entries(entries)) {
		out[id] = Array.isArray(v) ? { response: v[0], ...v[1] } : { response: v };
	}
	return out;
}
