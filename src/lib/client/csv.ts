import { reportCsv } from '../messages/report-csv.ts';
import { getLocale } from '../paraglide/runtime.js';
import { downloadFile, fileSlug } from './download.ts';
import type { Results } from './state/results.svelte.ts';

/** Downloads the diagnostic's answers and scores as CSV, in the page's language. */
export function downloadDiagnosticCsv(results: Results, now = new Date()): void {
	downloadFile(
		`numeriscope-${fileSlug(results.diagnostic.profile.name)}-${now.toISOString().slice(0, 10)}.csv`,
		reportCsv(results.report, getLocale()),
		'text/csv;charset=utf-8'
	);
}
