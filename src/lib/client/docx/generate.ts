import { Packer } from 'docx';
import { getLocale } from '../../paraglide/runtime.js';
import type { Results } from '../state/results.svelte.ts';
import { downloadFile, fileSlug } from '../download.ts';
import { reportDocument } from './document.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Builds and downloads the editable report (DOCX) in the browser, in the page's language. This
 * module and `docx` are imported on the click, never with the page (their own chunk); once
 * cached by the service worker they work offline too.
 */
export async function downloadReportDocx(results: Results, now = new Date()): Promise<void> {
	// Measured (performance entry `numeriscope:docx`) by tests/bench/results.ts.
	const start = performance.now();
	const doc = reportDocument({
		profile: results.diagnostic.profile,
		date: now,
		report: results.report,
		locale: getLocale()
	});
	const blob = await Packer.toBlob(doc);
	performance.measure('numeriscope:docx', { start });
	downloadFile(
		`rapport-${fileSlug(results.diagnostic.profile.name)}-${now.toISOString().slice(0, 10)}.docx`,
		blob,
		DOCX_TYPE
	);
}
