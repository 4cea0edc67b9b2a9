/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The text of the section whose heading has `slug`, up to the next heading of the same or a higher level; null when none. */
export function sectionBySlug(markdown: string, slug: string): string | null {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#{1,6} /.test(l) && headingSlug(l.replace(/^#+ /, '')) === slug);
  if (start < 0) return null;
  const level = lines[start]!.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#{1,6} /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The body rows of every table in `section`, each as its trimmed cells (the header and the --- line left out). */
export function tableRows(section: string): string[][] {
  const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l));
  const cells = rows.map((l) =>
    l
      .slice(1, l.trimEnd().endsWith('|') ? l.trimEnd().length - 1 : undefined)
      .split('|')
      .map((c) => c.trim()),
  );
  const headers = new Set(section.split('\n').flatMap((l, i, all) => (l.startsWith('|') && /^\|\s*-/.test(all[i + 1] ?? '') ? [l] : [])));
  return cells.filter((_, i) => !headers.has(rows[i]!));
}
