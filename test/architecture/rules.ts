import type { ImportGraph } from './import-graph.ts';

export interface Violation {
  /** Rule name, e.g. `pure-layer`, `db-layer`, `module-boundary`, `cycle`. */
  rule: string;
  /** Importing file (for a cycle: the file the reported cycle path starts at). */
  from: string;
  /** Imported file or package (for a cycle: the next file on the cycle path). */
  to: string;
  message: string;
  /** For `cycle` only: the cycle path, first file repeated at the end. */
  cycle?: string[];
}

interface LayerRule {
  rule: string;
  /** Files whose path starts with one of these prefixes belong to the layer. */
  layers: string[];
  /** Why the rule exists (shown in violation messages). */
  why: string;
  /** Internal target prefixes the layer must not import. */
  forbidden?: string[];
  /** If set, the only internal prefixes the layer may import. */
  allowedOnly?: string[];
  /** If set, the only packages the layer may import (`node:*` is never in it). */
  allowedPackages?: string[];
}

const PURE = ['src/domain/', 'src/contracts/', 'src/i18n/'];

/** Layer rules, checked on every resolved edge and every package import. Extend here. */
export const LAYER_RULES: LayerRule[] = [
  {
    // Pure rules, wire schemas and locale helpers run in the browser and in unit tests without a database:
    // they must not reach anything that does I/O (db, http, node builtins, drivers).
    rule: 'pure-layer',
    layers: PURE,
    why: 'domain/contracts/i18n are pure: no I/O, only other pure code and zod',
    allowedOnly: PURE,
    allowedPackages: ['zod'],
  },
  {
    // The database layer is below all features: it knows tables, not the modules or transports that use them.
    rule: 'db-layer',
    layers: ['src/db/'],
    why: 'db sits below modules, platform, http and jobs',
    forbidden: ['src/modules/', 'src/platform/', 'src/http/', 'src/jobs/'],
  },
  {
    // The job runner is infrastructure; modules register jobs with it, never the other way round.
    rule: 'jobs-layer',
    layers: ['src/jobs/'],
    why: 'jobs is infrastructure below modules, platform and http',
    forbidden: ['src/modules/', 'src/platform/', 'src/http/'],
  },
  {
    // The kernel is feature-agnostic: modules plug into it, it must not know any of them.
    rule: 'platform-layer',
    layers: ['src/platform/'],
    why: 'the platform kernel must not depend on modules or http',
    forbidden: ['src/modules/', 'src/http/'],
  },
  {
    // Shared HTTP plumbing serves all modules; a dependency on one module would couple them all.
    rule: 'http-layer',
    layers: ['src/http/'],
    why: 'http plumbing must not depend on feature modules',
    forbidden: ['src/modules/'],
  },
  {
    // The browser bundle may share pure code with the server, never server code (db drivers, secrets, node APIs).
    rule: 'web-layer',
    layers: ['web/'],
    why: 'web may share only src/domain, src/contracts and src/i18n with the server',
    forbidden: ['src/modules/', 'src/db/', 'src/platform/', 'src/http/', 'src/jobs/'],
  },
];

/**
 * Module roots whose sub-folders are modules: from outside a module folder, only its index may be imported,
 * so each module's public API is explicit and its internals can change freely.
 */
export const MODULE_ROOTS = [
  { rule: 'module-boundary', root: 'src/modules/', indexFiles: ['index.ts'] },
  { rule: 'web-module-boundary', root: 'web/src/modules/', indexFiles: ['index.ts', 'index.tsx'] },
];

const startsWithAny = (path: string, prefixes: string[]): boolean => prefixes.some((p) => path.startsWith(p));

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; `node:fs/promises` stays as written. */
export function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function checkLayers(from: string, imports: string[], packages: string[]): Violation[] {
  const violations: Violation[] = [];
  for (const layer of LAYER_RULES) {
    if (!startsWithAny(from, layer.layers)) continue;
    for (const to of imports) {
      const forbidden = layer.forbidden && startsWithAny(to, layer.forbidden);
      const notAllowed = layer.allowedOnly && !startsWithAny(to, layer.allowedOnly);
      if (forbidden || notAllowed) {
        violations.push({ rule: layer.rule, from, to, message: `${from} → ${to} (${layer.why})` });
      }
    }
    const allowedPackages = layer.allowedPackages;
    if (!allowedPackages) continue;
    for (const to of packages) {
      if (!allowedPackages.includes(packageName(to))) {
        violations.push({ rule: layer.rule, from, to, message: `${from} → package ${to} (${layer.why})` });
      }
    }
  }
  return violations;
}

function checkModuleBoundaries(from: string, imports: string[]): Violation[] {
  const violations: Violation[] = [];
  for (const { rule, root, indexFiles } of MODULE_ROOTS) {
    for (const to of imports) {
      if (!to.startsWith(root)) continue;
      const rest = to.slice(root.length);
      const slash = rest.indexOf('/');
      if (slash < 0) continue; // a file directly in the modules root (the registry), not inside a module
      const moduleDir = root + rest.slice(0, slash + 1);
      if (from.startsWith(moduleDir) || indexFiles.some((f) => to === moduleDir + f)) continue;
      violations.push({
        rule,
        from,
        to,
        message: `${from} → ${to} (import the module's public ${moduleDir}${indexFiles[0]} instead)`,
      });
    }
  }
  return violations;
}

/** Strongly connected components (Tarjan); returns those that contain a cycle. */
function cyclicComponents(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const edges = (file: string): string[] => (graph[file]?.imports ?? []).filter((to) => to in graph);

  const connect = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges(v).includes(v)) components.push(component.sort());
  };

  for (const file of Object.keys(graph).sort()) if (!index.has(file)) connect(file);
  return components;
}

/** Shortest cycle through `start` inside one component (BFS), as a path that ends at `start` again. */
function cyclePath(graph: ImportGraph, component: string[], start: string): string[] {
  const members = new Set(component);
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph[v]?.imports ?? []) {
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return [...path, start];
      }
      if (members.has(w) && !parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start]; // unreachable for a real component
}

/** Checks layer rules, module boundaries and import cycles. Pure: reads only the given graph. */
export function checkArchitecture(graph: ImportGraph): Violation[] {
  const violations: Violation[] = [];
  for (const [from, { imports, packages }] of Object.entries(graph)) {
    violations.push(...checkLayers(from, imports, packages), ...checkModuleBoundaries(from, imports));
  }
  for (const component of cyclicComponents(graph)) {
    const cycle = cyclePath(graph, component, component[0]!);
    violations.push({
      rule: 'cycle',
      from: cycle[0]!,
      to: cycle[1]!,
      cycle,
      message: `${cycle.join(' → ')} (strongly connected: ${component.join(', ')})`,
    });
  }
  return violations;
}
