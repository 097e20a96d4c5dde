/**
 * Shared by the benchmark scripts: replaces (or appends) one script's section of BENCHMARKS.md,
 * delimited by `<!-- bench:<key> -->` … `<!-- /bench:<key> -->`, so each script owns its figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchSection {
  key: string;
  title: string;
  /** The command and the conditions it ran under (one paragraph). */
  how: string;
  lines: string[];
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function writeBenchSection({ key, title, how, lines }: BenchSection): void {
  const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
  const start = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const section = [start, `## ${title}`, '', how, '', ...lines.map((l) => `- ${l}`), end].join('\n');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(file, re.test(old) ? old.replace(re, () => section) : `${old.trimEnd()}\n\n${section}\n`);
}
