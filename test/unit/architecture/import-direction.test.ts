import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers (issue 17): cli/ composes the commands and sits on harness/ and engine/; harness/ sits on engine/;
// engine/ stands alone, so the inside-mode bundle of it needs nothing stubbed. Imports point downward only, and
// no module loads itself again through its imports.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LAYERS = ['engine', 'harness', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer must not import: everything above it. */
const FORBIDDEN: Record<Layer, readonly Layer[]> = { engine: ['harness', 'cli'], harness: ['cli'], cli: [] };

/** Every source file of a layer, relative to the repository root with forward slashes; tests are not part of a layer. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

interface ImportRef {
  spec: string;
  /** `import type …`, `export type …`, or `import { type A, type B }`: erased by tsc, so never loaded at run time. */
  typeOnly: boolean;
}

const STATEMENT = /^[ \t]*(import|export)[ \t]+(type[ \t]+)?([^;'"]*?)\bfrom[ \t]*['"]([^'"\n]+)['"]/gm;
const SIDE_EFFECT = /^[ \t]*import[ \t]*['"]([^'"\n]+)['"]/gm;
const DYNAMIC = /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*[,)]/g;

/** The modules a file names: `import|export … from '…'` statements (one or several lines), `import '…'`, and `import('…')`. */
function importRefs(source: string): ImportRef[] {
  const refs: { at: number; ref: ImportRef }[] = [];
  for (const m of source.matchAll(STATEMENT)) {
    const clause = m[3]!.trim();
    const named = /^\{([^}]*)\}$/
      .exec(clause)?.[1]
      ?.split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    const typeOnly = m[2] !== undefined || (named !== undefined && named.length > 0 && named.every((b) => b.startsWith('type ')));
    refs.push({ at: m.index, ref: { spec: m[4]!, typeOnly } });
  }
  for (const m of source.matchAll(SIDE_EFFECT)) refs.push({ at: m.index, ref: { spec: m[1]!, typeOnly: false } });
  for (const m of source.matchAll(DYNAMIC)) {
    const line = source.slice(source.lastIndexOf('\n', m.index) + 1).trimStart();
    if (!line.startsWith('//') && !line.startsWith('*') && !line.startsWith('/*')) refs.push({ at: m.index, ref: { spec: m[1]!, typeOnly: false } }); // quoted in a comment: not an import
  }
  return refs.sort((a, b) => a.at - b.at).map((r) => r.ref);
}

/** A relative specifier as a repository path (NodeNext: `./x.js` is the source `./x.ts`); null for a package. */
function resolveSpecifier(from: string, spec: string): string | null {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return target.endsWith('.js') ? `${target.slice(0, -3)}.ts` : target;
}

const layerOf = (file: string): Layer | null => LAYERS.find((l) => file.startsWith(`${l}/`)) ?? null;

/** The first import cycle found by a depth-first walk, as the path that closes it (a → b → … → a), or null. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const FILES = LAYERS.flatMap((l) => sourceFiles(l)).sort();
const EDGES = FILES.map((file) => ({
  file,
  imports: importRefs(readFileSync(path.join(ROOT, file), 'utf8')).flatMap((ref) => {
    const target = resolveSpecifier(file, ref.spec);
    return target === null ? [] : [{ ...ref, target }];
  }),
}));

describe('import direction: cli → harness → engine, and cli → engine', () => {
  it('reads every layer and resolves every relative import to a file', () => {
    for (const layer of LAYERS) expect(FILES.some((f) => layerOf(f) === layer)).toBe(true);
    const unresolved = EDGES.flatMap(({ file, imports }) => imports.filter((i) => !existsSync(path.join(ROOT, i.target))).map((i) => `${file}: ${i.spec}`));
    expect(unresolved).toEqual([]);
  });

  // Type-only imports count here too: a layer that needs a type from above is not below it.
  it.each(LAYERS.filter((l) => FORBIDDEN[l].length > 0))('%s/ imports nothing from the layers above it', (layer) => {
    const upward = EDGES.filter(({ file }) => layerOf(file) === layer).flatMap(({ file, imports }) =>
      imports.filter((i) => FORBIDDEN[layer].includes(layerOf(i.target)!)).map((i) => `${file} imports ${i.spec}`),
    );
    expect(upward).toEqual([]);
  });

  // Modules that load each other: a class one of them defines may be used before its module has run. Type-only
  // imports are left out: tsc erases them, so they load nothing.
  it('has no import cycle among engine/, harness/ and cli/', () => {
    const graph = new Map(
      EDGES.map(({ file, imports }) => [file, [...new Set(imports.filter((i) => !i.typeOnly).map((i) => i.target))].filter((t) => FILES.includes(t))]),
    );
    const cycle = findCycle(graph);
    expect(cycle?.join(' → ')).toBeUndefined();
  });
});

describe('the inside-mode entry', () => {
  // scripts/bundle-engine.mjs bundles cli/engine-main.ts into a target: everything it reaches must be engine or cli.
  it('cli/engine-main.ts reaches nothing under harness/', () => {
    const graph = new Map(EDGES.map(({ file, imports }) => [file, imports.map((i) => i.target)]));
    const reached = new Set<string>();
    const walk = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    walk('cli/engine-main.ts');
    expect(reached.has('cli/verify-command.ts')).toBe(true);
    expect([...reached].filter((f) => layerOf(f) === 'harness')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('see static, type-only, re-exported, side-effect and dynamic imports, and skip comments', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "import './d.js';",
      "const e = await import('../../e.js');",
      'import {',
      '  f,',
      '  type F,',
      "} from './f.js';",
      "import { type G, type H } from './g.js';",
      "export type { I } from './i.js';",
      "import x, { y } from 'pkg';",
      "// import { j } from './j.js';",
      " * see import('./k.js')",
    ].join('\n');
    expect(importRefs(source)).toEqual([
      { spec: './a.js', typeOnly: false },
      { spec: '../b.js', typeOnly: true },
      { spec: './c.js', typeOnly: false },
      { spec: './d.js', typeOnly: false },
      { spec: '../../e.js', typeOnly: false },
      { spec: './f.js', typeOnly: false },
      { spec: './g.js', typeOnly: true },
      { spec: './i.js', typeOnly: true },
      { spec: 'pkg', typeOnly: false },
    ]);
  });

  it('finds a planted cycle and names its path', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['d', 'b']],
      ['d', []],
    ]);
    expect(findCycle(graph)).toEqual(['b', 'c', 'b']);
    expect(findCycle(new Map([...graph, ['c', ['d']]]))).toBeNull();
  });
});
