import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionnaireJsonSchema } from '../src/lib/domain/json-schema.ts';

const check = (dir: string) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/questionnaires-check.ts', dir], {
		encoding: 'utf8'
	});

function copyOf(fixture: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'questionnaires-'));
	cpSync(fixture, dir, { recursive: true });
	return dir;
}
function edit(dir: string, file: string, change: (s: string) => string) {
	const path = join(dir, file);
	writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('npm run questionnaires:check', { timeout: 30_000 }, () => {
	it('passes on the shipped folder', () => {
		const r = check('questionnaires');
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/no problem/);
	});

	it('fails on a broken copy, listing every problem as file:line: path: message', () => {
		// Two questionnaires: one with two schema problems, one with a coherence problem.
		const dir = mkdtempSync(join(tmpdir(), 'questionnaires-'));
		cpSync('tests/fixtures/catalog-valid', dir, { recursive: true });
		cpSync(join(dir, 'exemple'), join(dir, 'autre'), { recursive: true });
		const edit = (id: string, change: (s: string) => string) => {
			const file = join(dir, id, 'v1.yaml');
			writeFileSync(file, change(readFileSync(file, 'utf8')));
		};
		edit('exemple', (s) =>
			s.replace('score: 100 }', 'score: 150 }').replace('kind: scale', 'kind: slider')
		);
		edit('autre', (s) =>
			s
				.replace('id: exemple', 'id: autre')
				.replace('theme: pratiques\n    kind: number', 'theme: inconnu\n    kind: number')
		);
		const r = check(dir);
		expect(r.status).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toContainEqual(
			expect.stringMatching(
				/exemple\/v1\.yaml:\d+: questions\.1\.choices\.2\.score: a score is between 0 and 100/
			)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(
				/exemple\/v1\.yaml:\d+: questions\.5\.kind: Invalid discriminator value/
			)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/autre\/v1\.yaml:\d+: questions\.4\.theme: unknown theme "inconnu"/)
		);
		expect(lines.at(-1)).toMatch(/3 problem\(s\) in 2 of 2 file\(s\)/);
	});

	it('says that version 1 files are exempt from the typography rule', () => {
		const r = check('tests/fixtures/catalog-v2');
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(
			/typography not checked in 1 version 1 file\(s\).*: exemple\/v1\.yaml/
		);
	});

	it('fails on a v2 file with an ordinary space before « ? », naming file and line', () => {
		const dir = copyOf('tests/fixtures/catalog-v2');
		edit(dir, 'exemple/v2.yaml', (s) => s.replace('désigné\u202f?', 'désigné ?'));
		const r = check(dir);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(
			/exemple\/v2\.yaml:24:\d+: typography: ordinary space before « \? ».*désigné \?/
		);
		expect(r.stderr).toMatch(/1 problem\(s\) in 1 of 2 file\(s\)/);
	});

	it('fails when two v2 questions ask the same obligation, naming both', () => {
		const dir = copyOf('tests/fixtures/catalog-v2');
		cpSync(join(dir, 'exemple'), join(dir, 'autre'), { recursive: true });
		edit(dir, 'autre/v1.yaml', (s) => s.replace('id: exemple', 'id: autre'));
		edit(dir, 'autre/v2.yaml', (s) =>
			s.replace('id: exemple', 'id: autre').replace('Loi fictive art. 1', 'Loi fictive, article 1')
		);
		const r = check(dir);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(
			/autre\/v2\.yaml:\d+: questions\.1\.legalBasis\.reference: obligation "Loi fictive, article 1" is also asked by "strategie" \(exemple\/v2\.yaml, questions\.1\)/
		);
		expect(r.stderr).toMatch(
			/exemple\/v2\.yaml:\d+: questions\.1\.legalBasis\.reference: obligation "Loi fictive art\. 1" is also asked by "strategie" \(autre\/v2\.yaml, questions\.1\)/
		);
	});

	it('fails clearly on a folder that does not exist', () => {
		const r = check('/nonexistent/questionnaires');
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/cannot read \/nonexistent\/questionnaires/);
	});
});

describe('npm run questionnaires:typography', { timeout: 30_000 }, () => {
	const repair = (...files: string[]) =>
		spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/questionnaires-typography.ts', ...files],
			{ encoding: 'utf8' }
		);

	it('repairs a file in place: only the spaces change, comments and layout stay', () => {
		const dir = copyOf('tests/fixtures/typography');
		const r = repair(join(dir, 'before.yaml'));
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/before\.yaml: 13 space\(s\) repaired/);
		expect(readFileSync(join(dir, 'before.yaml'), 'utf8')).toBe(
			readFileSync('tests/fixtures/typography/after.yaml', 'utf8')
		);
	});

	it('makes a failing v2 questionnaire pass the check', () => {
		const dir = copyOf('tests/fixtures/catalog-v2');
		edit(dir, 'exemple/v2.yaml', (s) => s.replaceAll('\u202f', ' '));
		expect(check(dir).status).toBe(1);
		expect(repair(join(dir, 'exemple/v2.yaml')).status).toBe(0);
		const r = check(dir);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
	});

	it('lists what it cannot repair and exits 1', () => {
		const dir = mkdtempSync(join(tmpdir(), 'typography-'));
		const file = join(dir, 'v2.yaml');
		writeFileSync(file, 'a:\n  fr: >-\n    Une question\n    ? mal placée\n');
		const r = repair(file);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/v2\.yaml:4:5: « \? » opens a line/);
	});
});

describe('questionnaires/questionnaire.schema.json', () => {
	it('is up to date with the zod schema (run `npm run questionnaires:schema`)', () => {
		const committed = JSON.parse(readFileSync('questionnaires/questionnaire.schema.json', 'utf8'));
		expect(committed).toEqual(questionnaireJsonSchema());
	});
});
