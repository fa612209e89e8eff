import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { checkVersions } from '../../domain/catalog.ts';
import { checkCoherence } from '../../domain/coherence.ts';
import { obligationsAskedTwice } from '../../domain/obligation-references.ts';
import { formatPath, problemsFromZod, type Problem } from '../../domain/problem.ts';
import { questionnaireSchema, type Questionnaire } from '../../domain/questionnaire.ts';

/** A problem in one file, with the line of the offending field when it can be found. */
export interface FileProblem extends Problem {
	file: string;
	line?: number;
}

export interface LoadedCatalog {
	questionnaires: Questionnaire[];
	problems: FileProblem[];
	/** Every file read, for watchers. */
	files: string[];
}

const FILE_NAME = /^v([1-9]\d*)\.ya?ml$/;

/**
 * Reads every `<dir>/<id>/v<N>.yaml`, validates each (schema, then coherence), then the versions
 * together, then that no obligation is asked by two current (v2 or later) questions. Collects every problem instead of stopping at the first. Only questionnaires without
 * problems are returned.
 */
export function loadCatalog(dir: string): LoadedCatalog {
	const files = findQuestionnaireFiles(dir);
	const problems: FileProblem[] = [];
	const loaded: { file: string; questionnaire: Questionnaire; locate: Locator }[] = [];
	for (const file of files) {
		const expected = expectedIdentity(dir, file);
		if (!expected) {
			problems.push({
				file,
				path: [],
				message: 'a questionnaire file is named v<N>.yaml (e.g. v1.yaml)'
			});
			continue;
		}
		const result = loadQuestionnaireFile(file, expected);
		problems.push(...result.problems);
		if (result.questionnaire)
			loaded.push({ file, questionnaire: result.questionnaire, locate: result.locate });
	}
	const broken = new Set<string>();
	for (const p of checkVersions(loaded.map((l) => l.questionnaire))) {
		const entry = loaded.find(
			(l) => l.questionnaire.id === p.id && l.questionnaire.version === p.version
		);
		if (!entry) continue;
		broken.add(entry.file);
		problems.push({
			file: entry.file,
			path: p.path,
			message: p.message,
			line: entry.locate(p.path)
		});
	}
	for (const [a, b] of obligationsAskedTwice(loaded.map((l) => l.questionnaire))) {
		const entryOf = (x: typeof a) =>
			loaded.find(
				(l) => l.questionnaire.id === x.questionnaireId && l.questionnaire.version === x.version
			)!;
		for (const [self, other] of [
			[a, b],
			[b, a]
		] as const) {
			const entry = entryOf(self);
			const path = ['questions', self.questionIndex, 'legalBasis', 'reference'];
			broken.add(entry.file);
			problems.push({
				file: entry.file,
				path,
				line: entry.locate(path),
				message: `obligation "${self.reference}" is also asked by "${other.questionId}" (${relative(dir, entryOf(other).file)}, questions.${other.questionIndex}): ask each obligation in one question only`
			});
		}
	}
	return {
		questionnaires: loaded.filter((l) => !broken.has(l.file)).map((l) => l.questionnaire),
		problems,
		files
	};
}

type Locator = (path: readonly PropertyKey[]) => number | undefined;

/** Parses and validates one file. `expected` is the id and version its place in the folder gives. */
export function loadQuestionnaireFile(
	file: string,
	expected?: { id: string; version: number }
): { questionnaire?: Questionnaire; problems: FileProblem[]; locate: Locator } {
	const lineCounter = new LineCounter();
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (e) {
		return {
			problems: [{ file, path: [], message: `cannot read: ${String(e)}` }],
			locate: () => undefined
		};
	}
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const locate = locator(doc, lineCounter);
	if (doc.errors.length > 0) {
		return {
			problems: doc.errors.map((e) => ({
				file,
				path: [],
				line: lineCounter.linePos(e.pos[0]).line,
				message: `YAML syntax: ${e.message.split('\n')[0]}`
			})),
			locate
		};
	}
	const located = (ps: Problem[]) => ps.map((p) => ({ ...p, file, line: locate(p.path) }));
	const parsed = questionnaireSchema.safeParse(doc.toJS());
	if (!parsed.success) return { problems: located(problemsFromZod(parsed.error)), locate };
	const problems = located(checkCoherence(parsed.data));
	if (expected && parsed.data.id !== expected.id)
		problems.push({
			file,
			path: ['id'],
			line: locate(['id']),
			message: `id "${parsed.data.id}" does not match its folder "${expected.id}"`
		});
	if (expected && parsed.data.version !== expected.version)
		problems.push({
			file,
			path: ['version'],
			line: locate(['version']),
			message: `version ${parsed.data.version} does not match the file name v${expected.version}`
		});
	return { questionnaire: problems.length === 0 ? parsed.data : undefined, problems, locate };
}

/** The line of the deepest node of the path that exists in the document. */
function locator(doc: Document, lines: LineCounter): Locator {
	return (path) => {
		for (let n = path.length; n >= 0; n--) {
			const node = doc.getIn(path.slice(0, n) as unknown[], true);
			if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
		}
		return undefined;
	};
}

function findQuestionnaireFiles(dir: string): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const sub = join(dir, entry.name);
		for (const name of readdirSync(sub)) {
			if (/\.ya?ml$/.test(name) && statSync(join(sub, name)).isFile()) files.push(join(sub, name));
		}
	}
	return files.sort();
}

function expectedIdentity(dir: string, file: string): { id: string; version: number } | undefined {
	const [id, name] = relative(dir, file).split(sep);
	const match = name?.match(FILE_NAME);
	return id && match ? { id, version: Number(match[1]) } : undefined;
}

/** `questionnaires/donnees/v1.yaml:42: questions.3.choices.1.score: a score is between 0 and 100` */
export function formatProblem(p: FileProblem, cwd = process.cwd()): string {
	const file = relative(cwd, p.file) || p.file;
	return `${file}${p.line ? `:${p.line}` : ''}: ${formatPath(p.path)}: ${p.message}`;
}
