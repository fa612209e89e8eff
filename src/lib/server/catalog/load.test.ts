import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../domain/problem.ts';
import { formatProblem, loadCatalog, loadQuestionnaireFile, type FileProblem } from './load.ts';

const fixtures = join(import.meta.dirname, '../../../../tests/fixtures');

/** Each malformed file starts with `# expect: <path> | <part of the message>`. */
function expectation(file: string): { path: string; message: string } {
	const head = readFileSync(file, 'utf8').split('\n')[0] ?? '';
	const m = head.match(/^# expect: (\S+) \| (.+)$/);
	if (!m) throw new Error(`${file} has no "# expect: path | message" first line`);
	return { path: m[1]!, message: m[2]! };
}

function assertNamed(
	problems: FileProblem[],
	file: string,
	expected: { path: string; message: string }
) {
	expect(problems.length, `${basename(file)} was accepted`).toBeGreaterThan(0);
	for (const p of problems) expect(formatProblem(p)).toContain(basename(file));
	const match = problems.find(
		(p) => formatPath(p.path) === expected.path && p.message.includes(expected.message)
	);
	expect(
		match,
		`${basename(file)}: expected "${expected.path}: …${expected.message}…", got:\n${problems.map((p) => formatProblem(p)).join('\n')}`
	).toBeDefined();
}

describe('a valid questionnaire', () => {
	it('loads, with defaults applied, and no problem', () => {
		const { questionnaires, problems, files } = loadCatalog(join(fixtures, 'catalog-valid'));
		expect(problems).toEqual([]);
		expect(files).toHaveLength(1);
		const [q] = questionnaires;
		expect(q?.id).toBe('exemple');
		expect(q?.questions).toHaveLength(7);
		expect(q?.questions[0]).toMatchObject({
			weight: 1,
			plannable: true,
			kind: 'boolean',
			scores: { yes: 100, no: 0 }
		});
	});
});

describe('a valid questionnaire in format v2', () => {
	it('loads with its v2 fields, « non applicable » resolved per question', () => {
		const { questionnaires, problems } = loadCatalog(join(fixtures, 'catalog-v2'));
		expect(problems).toEqual([]);
		const v2 = questionnaires.find((q) => q.version === 2)!;
		expect(v2.lawAsOf).toBe('2026-11-30');
		expect(v2.questions.map((q) => [q.id, q.notApplicable])).toEqual([
			['referent', false],
			['strategie', true],
			['outils', false],
			['outils-revus', false],
			['agents-formes', false],
			['satisfaction', false],
			['remarques', false]
		]);
		expect(v2.questions[2]).toMatchObject({ noneOfThese: { id: 'aucun' } });
		expect(v2.questions[1]).toMatchObject({
			legalBasis: { title: { fr: 'Stratégie (3\u202f500 hab.)' } },
			choices: [{ id: 'non', recommendation: { effort: 'medium' } }, {}, {}]
		});
		const v1 = questionnaires.find((q) => q.version === 1)!;
		expect(v1.questions.every((q) => q.notApplicable)).toBe(true);
	});
});

describe('the malformed questionnaire corpus', () => {
	const dir = join(fixtures, 'invalid');
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort();

	it('has at least 25 files', () => expect(files.length).toBeGreaterThanOrEqual(25));

	it.each(files)('%s is rejected, naming the file and the field', (name) => {
		const file = join(dir, name);
		const result = loadQuestionnaireFile(file);
		expect(result.questionnaire).toBeUndefined();
		assertNamed(result.problems, file, expectation(file));
	});

	it('locates problems on their line', () => {
		const file = join(dir, 'score-above-100.yaml');
		const [p] = loadQuestionnaireFile(file).problems;
		const line = readFileSync(file, 'utf8').split('\n')[(p?.line ?? 0) - 1];
		expect(line).toContain('score: 120');
		expect(formatProblem(p!, dir)).toMatch(
			/^score-above-100\.yaml:\d+: questions\.0\.choices\.1\.score: /
		);
	});
});

describe('the malformed catalog corpus (problems across versions and files)', () => {
	const dir = join(fixtures, 'invalid-catalogs');
	const cases = readdirSync(dir).sort();

	it.each(cases)('%s is rejected, naming the file and the field', (name) => {
		const root = join(dir, name);
		const result = loadCatalog(root);
		const bad = result.files.find((f) => readFileSync(f, 'utf8').startsWith('# expect:'));
		expect(bad, 'the case marks its faulty file').toBeDefined();
		assertNamed(
			result.problems.filter((p) => p.file === bad),
			bad!,
			expectation(bad!)
		);
		expect(result.questionnaires.map((q) => `${q.id}@${q.version}`)).not.toContain(
			`${basename(join(bad!, '..'))}@${basename(bad!).match(/\d+/)?.[0]}`
		);
	});
});

it('reports every problem of a file, not only the first', () => {
	const { problems } = loadQuestionnaireFile(join(fixtures, 'invalid', 'condition-cycle.yaml'));
	const many = loadCatalog(
		join(fixtures, 'invalid-catalogs', 'comparable-with-missing-version')
	).problems;
	expect(problems.length).toBeGreaterThanOrEqual(1);
	expect(many.length).toBeGreaterThanOrEqual(2);
});
