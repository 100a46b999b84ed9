import path from 'node:path';

const MAX = 96;

/**
 * A file name for a source's report that is safe whatever the source is called: no separators,
 * no "..", ASCII only, bounded length, unique within the run. Reports therefore always land inside
 * the output folder.
 */
export function reportName(source: string, taken: Set<string>, ext = '.html'): string {
  const base = source === '-' ? 'stdin' : path.basename(source);
  let slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX);
  if (!slug || slug === 'index' || slug === 'audit') slug = `source-${slug || 'unnamed'}`;
  let name = slug + ext;
  for (let i = 2; taken.has(name); i++) name = `${slug}-${i}${ext}`;
  taken.add(name);
  return name;
}
