/** Section ids are fixed by the format: lowercase, runs of non-alphanumerics become one `-`. */
export function slugify(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
