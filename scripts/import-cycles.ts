/**
 * Strict import-graph cycle check of src/ (`npx tsx scripts/import-cycles.ts [folder]`).
 *
 * WHY besides ESLint's import-x/no-cycle: that rule skips type-only imports, and the one cycle this
 * codebase ever had (the engine contract and the drift analysis importing each other's types) was
 * type-only. This walks every import and re-export, type-only ones included, and exits 1 on a cycle.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(p);
    }
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Resolves a relative specifier the way TypeScript does for this project (file, then folder index). */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) {
    return undefined;
  }
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((c) =>
    fs.existsSync(c)
  );
}

/** Tarjan's strongly connected components: a component of more than one file, or a self-import, is a cycle. */
function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) {
        cycles.push(component);
      }
    }
  };
  for (const file of graph.keys()) {
    if (!index.has(file)) {
      visit(file);
    }
  }
  return cycles;
}

const root = path.resolve(process.argv[2] ?? 'src');
const graph = new Map<string, string[]>();
let edges = 0;
for (const file of sourceFiles(root)) {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const deps = info.importedFiles
    .map((i) => resolveRelative(file, i.fileName))
    .filter((d): d is string => d !== undefined);
  edges += deps.length;
  graph.set(file, deps);
}
const cycles = findCycles(graph);
console.log(`${graph.size} files, ${edges} relative imports (type-only included), ${cycles.length} cycle(s)`);
for (const cycle of cycles) {
  console.log(`  cycle: ${cycle.map((c) => path.relative(process.cwd(), c)).join(' <-> ')}`);
}
process.exitCode = cycles.length > 0 ? 1 : 0;
