/**
 * What the scripts on the critical path of a capture load at run time: the
 * collector, injected into every captured page, builds zod's mini schemas
 * only (not lib/schema.ts, whose classic schemas cost it ~50 ms cold), and
 * the popup's first script, which sends the draft request, loads neither zod
 * nor React (docs/PERFORMANCE.md). Type-only imports are erased and not
 * followed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const runtimeImport =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\('([^']+)'\)/g;

function resolveLocal(specifier: string, from: string): string | undefined {
  const base = specifier.startsWith('@/')
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (base === undefined) return undefined;
  return ['', '.ts', '.tsx', '/index.ts'].map((ending) => base + ending).find((file) => existsSync(file));
}

/** Every project file and package the entry loads statically (dynamic imports are not followed). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(runtimeImport)) {
      const specifier = match[1];
      if (specifier === undefined) continue; // import('…'): loaded later, on purpose
      if (specifier.endsWith('.css')) continue;
      const local = resolveLocal(specifier, file);
      if (local) visit(local);
      else packages.add(specifier);
    }
  };
  visit(path.join(root, entry));
  return { files: new Set([...files].map((file) => path.relative(root, file))), packages };
}

describe('the imports on a capture’s critical path', () => {
  it('finds what it looks for (the walker reads imports, re-exports and follows @/ paths)', () => {
    const { files, packages } = staticGraph('lib/messaging.ts');
    expect(files).toContain('lib/schema.ts');
    expect(files).toContain('lib/recorder/recording-schema.ts');
    expect(packages).toContain('zod');
  });

  it.each([
    ['entrypoints/collector.content.ts', ['lib/schema.ts', 'lib/errors.ts'], ['zod', 'react']],
    [
      'entrypoints/popup/main.tsx',
      ['lib/schema.ts', 'lib/messaging.ts', 'components/PopupApp.tsx'],
      ['zod', 'zod/mini', 'react', 'react-dom/client'],
    ],
  ])('%s loads none of %o nor the packages %o', (entry, forbiddenFiles, forbiddenPackages) => {
    const { files, packages } = staticGraph(entry);
    for (const file of forbiddenFiles) expect(files).not.toContain(file);
    for (const name of forbiddenPackages) expect(packages).not.toContain(name);
  });
});
