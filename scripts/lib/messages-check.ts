/**
 * The checks of `scripts/messages-check.ts` on the message catalog (`messages/<locale>.json`),
 * as a pure function over the files' text and the sources', so that a test can feed it cases.
 */

import { frenchTypography } from '../../src/lib/messages/typography.ts';

export interface Catalog {
	/** The file's path, for the messages. */
	file: string;
	text: string;
}

/** The `{parameters}` of a message: placeholders, and the inputs of a message with variants. */
export function parametersOf(value: unknown): string[] {
	const found = new Set<string>();
	const locals = new Set<string>();
	const walk = (v: unknown, key?: string) => {
		if (typeof v === 'string') {
			if (key === 'declaration') {
				const [kind, name] = v.split(/\s+/);
				if (kind === 'input' && name) found.add(name);
				if (kind === 'local' && name) locals.add(name);
				return;
			}
			for (const [, name] of v.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)) found.add(name!);
		} else if (Array.isArray(v))
			v.forEach((x) => walk(x, key === 'declarations' ? 'declaration' : key));
		else if (v && typeof v === 'object')
			for (const [k, x] of Object.entries(v)) if (k !== 'selectors') walk(x, k);
	};
	walk(value);
	return [...found].filter((n) => !locals.has(n)).sort();
}

const isEmpty = (v: unknown) => typeof v === 'string' && v.trim() === '';

/** Keys the sources call: `m.key(`, `m.key` passed as a function, `m['key']`. */
export function usedKeys(sources: string[]): Set<string> {
	const used = new Set<string>();
	for (const s of sources) {
		for (const [, k] of s.matchAll(/\bm\.([a-z][a-z0-9_]*)\b/g)) used.add(k!);
		for (const [, k] of s.matchAll(/\bm\[\s*['"]([a-z][a-z0-9_]*)['"]\s*\]/g)) used.add(k!);
	}
	return used;
}

/**
 * Problems, one line each naming the file and the key: unreadable JSON, `$schema` not first,
 * keys not sorted, a key missing from a file, different parameters between files, an empty
 * value, a key no source uses, French typography (`frenchTypography`) in `fr.json`.
 */
export function checkMessages(catalogs: Catalog[], sources: string[]): string[] {
	const problems: string[] = [];
	const parsed: { file: string; messages: Record<string, unknown> }[] = [];
	for (const { file, text } of catalogs) {
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch (e) {
			problems.push(`${file}: not valid JSON (${(e as Error).message})`);
			continue;
		}
		if (!json || typeof json !== 'object' || Array.isArray(json)) {
			problems.push(`${file}: not a JSON object`);
			continue;
		}
		const keys = Object.keys(json);
		if (keys[0] !== '$schema') problems.push(`${file}: "$schema" is not the first key`);
		const messages = Object.fromEntries(
			Object.entries(json).filter(([k]) => k !== '$schema')
		) as Record<string, unknown>;
		const names = Object.keys(messages);
		names.forEach((k, i) => {
			const next = names[i + 1];
			if (next !== undefined && next < k)
				problems.push(`${file}: key "${next}" is out of order (it sorts before "${k}")`);
			if (isEmpty(messages[k])) problems.push(`${file}: key "${k}" has an empty value`);
			const v = messages[k];
			if (file.endsWith('fr.json') && typeof v === 'string')
				for (const p of new Set(frenchTypography(v).problems))
					problems.push(`${file}: key "${k}": ${p} (npm run messages:typography repairs it)`);
		});
		parsed.push({ file, messages });
	}
	const all = new Set(parsed.flatMap((p) => Object.keys(p.messages)));
	for (const key of [...all].sort()) {
		const holders = parsed.filter((p) => key in p.messages);
		for (const p of parsed)
			if (!(key in p.messages))
				problems.push(`${p.file}: key "${key}" is missing (present in ${holders[0]!.file})`);
		const [first, ...rest] = holders;
		const expected = parametersOf(first!.messages[key]).join(', ');
		for (const p of rest) {
			const got = parametersOf(p.messages[key]).join(', ');
			if (got !== expected)
				problems.push(
					`${p.file}: key "${key}" has parameters {${got}} but ${first!.file} has {${expected}}`
				);
		}
	}
	const used = usedKeys(sources);
	for (const key of [...all].sort())
		if (!used.has(key))
			problems.push(`${parsed[0]!.file}: key "${key}" is used nowhere in src/ (m.${key})`);
	return problems;
}
