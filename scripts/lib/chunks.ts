import type { ChunkingContext, CodeSplittingGroup } from 'rolldown';

/*
 * How the browser's JavaScript is split in files (Vite's `build.rollupOptions.output.codeSplitting`).
 * Left alone, the bundler makes one chunk for each set of pages that share modules: some twenty
 * files of a few hundred bytes each on the answering page, each with its own gzip header and its
 * import lines. Three groups bundle them instead, with no page loading code it did not load before:
 * - `app`: what every page loads (Kit's client and app entries, the root layout and error page,
 *   and their static imports), and the Svelte and Kit runtimes;
 * - `answering-common`: what the answering page shares with the observatory's pages;
 * - `answering`: what the answering page shares with the other diagnostic pages (Dexie, the store,
 *   the applicability rules…), apart from the page's own code, which stays in its node.
 * Message modules (src/lib/paraglide/messages/) go with the modules that call them: a group must
 * not take the catalog's barrel, whose namespace would then bring every message along.
 */

const entry = (pattern: string) =>
	new RegExp(`[\\\\/]generated[\\\\/]client-optimized[\\\\/]${pattern}\\.js$`);
/** Kit's client entry, the app entry, the root layout (node 0) and root error page (node 1). */
const everyPage = [
	/[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]entry\.js$/,
	entry('app'),
	entry('nodes[\\\\/][01]')
];
const runtimes = /[\\/]node_modules[\\/](svelte|@sveltejs[\\/]kit)[\\/]/;
/**
 * Svelte's helpers that neither the root layout nor the answering page use: `bind:value`,
 * `bind:group`, `bind:checked` and `<select>` values (the forms: new diagnostic, profile,
 * invitation, PDF version…), `style:` (the observatory's map) and `$state.snapshot` (the
 * importer, the version upgrade). They are a chunk of their own (`svelte-extras`) rather than in
 * `app`. Their top level only declares functions and constants (an empty Set, an empty array):
 * vite.config.ts tells the bundler so, so that `app` does not import their chunk for its side
 * effects.
 */
export const svelteExtras =
	/[\\/]svelte[\\/]src[\\/]internal[\\/](client[\\/]dom[\\/]elements[\\/](bindings[\\/](input|select)|style)|shared[\\/]clone)\.js$/;
const messages = /[\\/]paraglide[\\/]messages/;
const route = (pattern: string) => new RegExp(`[\\\\/]src[\\\\/]routes[\\\\/]${pattern}`);
/** The answering page (`/diagnostics/[id]/questionnaires/[questionnaireId]`): its page and load. */
const answeringRoute = route(
	'diagnostics[\\\\/]\\[id\\][\\\\/]questionnaires[\\\\/]\\[questionnaireId\\][\\\\/]\\+page\\.(svelte|ts)$'
);
/** The observatory's layout and pages. */
const observatoryRoutes = route('observatoire[\\\\/]');
/** Every page and layout. */
const anyRoute = route('(.*[\\\\/])?\\+(page|layout)\\.(svelte|ts)$');
/** Another page than the answering page. */
const otherRoute = (id: string) => anyRoute.test(id) && !answeringRoute.test(id);

/** Whether `id` is one of `entries` or statically imported, directly or not, by one of them. */
function reachedFrom(
	entries: RegExp | ((id: string) => boolean) | RegExp[],
	id: string,
	ctx: ChunkingContext
): boolean {
	const matches = Array.isArray(entries)
		? (x: string) => entries.some((re) => re.test(x))
		: entries instanceof RegExp
			? (x: string) => entries.test(x)
			: entries;
	const seen = new Set<string>();
	const stack = [id];
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (seen.has(current)) continue;
		seen.add(current);
		if (matches(current)) return true;
		stack.push(...(ctx.getModuleInfo(current)?.importers ?? []));
	}
	return false;
}

function onEveryPage(id: string, ctx: ChunkingContext): boolean {
	return runtimes.test(id) || reachedFrom(everyPage, id, ctx);
}

/** The groups, highest priority first (a module goes to the first group that takes it). */
export const chunkGroups: CodeSplittingGroup[] = [
	{
		priority: 4,
		// Their dependencies are Svelte's core, which `app` takes.
		includeDependenciesRecursively: false,
		...byName('svelte-extras', (id) => svelteExtras.test(id))
	},
	{
		priority: 3,
		// `name` gets the chunking context that `test` does not.
		...byName('app', (id, ctx) => !messages.test(id) && onEveryPage(id, ctx))
	},
	{
		priority: 2,
		...byName(
			'answering-common',
			(id, ctx) =>
				!messages.test(id) &&
				!onEveryPage(id, ctx) &&
				reachedFrom(answeringRoute, id, ctx) &&
				reachedFrom(observatoryRoutes, id, ctx)
		)
	},
	{
		priority: 1,
		...byName(
			'answering',
			(id, ctx) =>
				!messages.test(id) &&
				!onEveryPage(id, ctx) &&
				reachedFrom(answeringRoute, id, ctx) &&
				reachedFrom(otherRoute, id, ctx) &&
				!reachedFrom(observatoryRoutes, id, ctx)
		)
	}
];

/** A group whose `name` function takes the modules `takes` accepts (null: not this group). */
function byName(
	name: string,
	takes: (id: string, ctx: ChunkingContext) => boolean
): Pick<CodeSplittingGroup, 'name'> {
	return { name: (id, ctx) => (takes(id, ctx) ? name : null) };
}
