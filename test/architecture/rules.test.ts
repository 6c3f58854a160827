import { describe, expect, it } from 'vitest';
import type { ImportGraph } from './import-graph.ts';
import { checkArchitecture, type Violation } from './rules.ts';

/** Builds a graph from `from: [targets]`; targets without a slash are packages. Targets become nodes too. */
function graphOf(edges: Record<string, string[]>): ImportGraph {
  const graph: ImportGraph = {};
  const node = (file: string) => (graph[file] ??= { imports: [], packages: [] });
  for (const [from, targets] of Object.entries(edges)) {
    node(from);
    for (const to of targets) {
      if (to.startsWith('src/') || to.startsWith('web/')) {
        node(from).imports.push(to);
        node(to);
      } else node(from).packages.push(to);
    }
  }
  return graph;
}

const brief = (violations: Violation[]) => violations.map(({ rule, from, to }) => ({ rule, from, to }));

describe('layer rules', () => {
  const cases: { rule: string; from: string; bad: string; good: string }[] = [
    { rule: 'pure-layer', from: 'src/domain/rules.ts', bad: 'src/db/client.ts', good: 'src/i18n/nb.ts' },
    { rule: 'pure-layer', from: 'src/contracts/case.ts', bad: 'kysely', good: 'zod' },
    { rule: 'pure-layer', from: 'src/i18n/format.ts', bad: 'node:fs', good: 'src/contracts/case.ts' },
    { rule: 'pure-layer', from: 'src/domain/x.ts', bad: '@electric-sql/pglite', good: 'zod/mini' },
    { rule: 'db-layer', from: 'src/db/client.ts', bad: 'src/modules/a/index.ts', good: 'src/domain/x.ts' },
    { rule: 'db-layer', from: 'src/db/client.ts', bad: 'src/jobs/runner.ts', good: 'kysely' },
    { rule: 'jobs-layer', from: 'src/jobs/runner.ts', bad: 'src/http/errors.ts', good: 'src/db/client.ts' },
    {
      rule: 'platform-layer',
      from: 'src/platform/kernel.ts',
      bad: 'src/modules/a/index.ts',
      good: 'src/jobs/r.ts',
    },
    {
      rule: 'http-layer',
      from: 'src/http/errors.ts',
      bad: 'src/modules/a/index.ts',
      good: 'src/platform/k.ts',
    },
    {
      rule: 'web-layer',
      from: 'web/src/app/App.tsx',
      bad: 'src/db/client.ts',
      good: 'src/contracts/case.ts',
    },
    { rule: 'web-layer', from: 'web/src/api/client.ts', bad: 'src/platform/k.ts', good: 'src/i18n/nb.ts' },
  ];

  it.each(cases)('$rule: $from → $bad is reported', ({ rule, from, bad }) => {
    expect(brief(checkArchitecture(graphOf({ [from]: [bad] })))).toEqual([{ rule, from, to: bad }]);
  });

  it.each(cases)('$rule: $from → $good is clean', ({ from, good }) => {
    expect(checkArchitecture(graphOf({ [from]: [good] }))).toEqual([]);
  });
});

describe('module boundaries', () => {
  it('allows another module’s index, reports a deep import', () => {
    const graph = graphOf({
      'src/modules/a/service.ts': [
        'src/modules/b/index.ts',
        'src/modules/b/repo.ts',
        'src/modules/a/repo.ts',
      ],
    });
    expect(brief(checkArchitecture(graph))).toEqual([
      { rule: 'module-boundary', from: 'src/modules/a/service.ts', to: 'src/modules/b/repo.ts' },
    ]);
  });

  it('applies to files outside src/modules, including the registry', () => {
    const graph = graphOf({
      'src/server.ts': ['src/modules/index.ts', 'src/modules/a/routes.ts'],
      'src/modules/index.ts': ['src/modules/a/index.ts', 'src/modules/b/sub/deep.ts'],
    });
    expect(brief(checkArchitecture(graph))).toEqual([
      { rule: 'module-boundary', from: 'src/server.ts', to: 'src/modules/a/routes.ts' },
      { rule: 'module-boundary', from: 'src/modules/index.ts', to: 'src/modules/b/sub/deep.ts' },
    ]);
  });

  it('web: index.ts/index.tsx allowed, deep imports reported', () => {
    const graph = graphOf({
      'web/src/modules/a/Page.tsx': ['web/src/modules/b/index.tsx', 'web/src/modules/c/index.ts'],
      'web/src/app/routes.tsx': ['web/src/modules/a/Page.tsx', 'web/src/modules/a/index.ts'],
      'web/src/modules/c/List.tsx': ['web/src/modules/b/api.ts', 'web/src/modules/c/api.ts'],
    });
    expect(brief(checkArchitecture(graph))).toEqual([
      { rule: 'web-module-boundary', from: 'web/src/app/routes.tsx', to: 'web/src/modules/a/Page.tsx' },
      { rule: 'web-module-boundary', from: 'web/src/modules/c/List.tsx', to: 'web/src/modules/b/api.ts' },
    ]);
  });
});

describe('cycles', () => {
  it('finds a 3-file cycle that closes through a type-only edge', () => {
    const graph: ImportGraph = {
      'src/modules/a/a.ts': { imports: ['src/modules/a/b.ts'], packages: [] },
      'src/modules/a/b.ts': { imports: ['src/modules/a/c.ts', 'src/modules/a/leaf.ts'], packages: [] },
      // `import type { A } from './a.ts'`: type-only imports are edges like any other.
      'src/modules/a/c.ts': { imports: ['src/modules/a/a.ts'], packages: [] },
      'src/modules/a/leaf.ts': { imports: [], packages: [] },
    };
    const violations = checkArchitecture(graph);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      rule: 'cycle',
      from: 'src/modules/a/a.ts',
      to: 'src/modules/a/b.ts',
      cycle: ['src/modules/a/a.ts', 'src/modules/a/b.ts', 'src/modules/a/c.ts', 'src/modules/a/a.ts'],
    });
  });

  it('finds a self-import and reports one cycle per component', () => {
    const graph = graphOf({
      'src/x.ts': ['src/x.ts'],
      'src/p.ts': ['src/q.ts'],
      'src/q.ts': ['src/p.ts', 'src/r.ts'],
      'src/r.ts': ['src/q.ts'],
    });
    expect(checkArchitecture(graph).map((v) => v.cycle)).toEqual([
      ['src/p.ts', 'src/q.ts', 'src/p.ts'],
      ['src/x.ts', 'src/x.ts'],
    ]);
  });

  it('a DAG is clean', () => {
    const graph = graphOf({ 'src/a.ts': ['src/b.ts', 'src/c.ts'], 'src/b.ts': ['src/c.ts'] });
    expect(checkArchitecture(graph)).toEqual([]);
  });
});
