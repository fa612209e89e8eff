/** Offers a file to save, made in the page (nothing goes through a server). */
export function downloadFile(name: string, content: string | Blob, type: string): void {
	const url = URL.createObjectURL(new Blob([content], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Communauté d'agglomération du Grand Nancy" → "communaute-d-agglomeration-du-grand-nancy". */
export function fileSlug(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
}
