import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildImportGraph } from './import-graph.ts';
import { checkArchitecture, type Violation } from './rules.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const graph = buildImportGraph(root);

/** One block per rule (with its count), one line per violation. */
function report(violations: Violation[]): string {
  const byRule = new Map<string, Violation[]>();
  for (const v of violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
  return [...byRule]
    .map(([rule, list]) => [`${rule} (${list.length}):`, ...list.map((v) => `  ${v.message}`)].join('\n'))
    .join('\n\n');
}

describe('architecture of src/ and web/src/', () => {
  it('parses a non-trivial import graph', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(200);
    expect(graph['src/server.ts']?.imports.length).toBeGreaterThan(0);
    const unresolved = Object.entries(graph).flatMap(([file, n]) =>
      (n.unresolved ?? []).map((s) => `${file}: ${s}`),
    );
    expect(unresolved, 'relative imports that resolve to no file').toEqual([]);
  });

  it('has no forbidden imports and no import cycles', () => {
    const violations = checkArchitecture(graph);
    expect(violations.length, `architecture violations:\n\n${report(violations)}\n`).toBe(0);
  });
});
