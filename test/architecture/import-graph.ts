import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** Imports of one source file. All paths are repo-relative with forward slashes. */
export interface FileImports {
  /** Resolved relative imports (type-only ones included): repo-relative target files. */
  imports: string[];
  /** Bare (package) specifiers as written, e.g. `zod`, `node:fs`, `kysely/helpers/postgres`. */
  packages: string[];
  /** Relative specifiers that resolved to no file (a broken import or a parser gap). */
  unresolved?: string[];
}

/** Repo-relative source path → its imports. */
export type ImportGraph = Record<string, FileImports>;

/** Source roots scanned for the graph. */
export const SOURCE_ROOTS = ['src', 'web/src'];

const isSource = (name: string): boolean => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);

function listSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(full));
    else if (entry.isFile() && isSource(entry.name)) files.push(full);
  }
  return files;
}

/**
 * Every module specifier in a file: static imports (also `import type`), `export … from`
 * (also `export type … from`), `import x = require()`, dynamic `import('…')` and `typeof import('…')`.
 */
export function collectSpecifiers(fileName: string, text: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const specifiers: string[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) specifiers.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** Resolves a relative specifier: the exact file, then `.ts`/`.tsx`, then a directory's index file. */
function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = join(dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find(isFile);
}

const toRepoPath = (root: string, file: string): string => relative(root, file).split(sep).join(posix.sep);

/** Builds the import graph of all non-test `.ts`/`.tsx` files under `src/` and `web/src/`. */
export function buildImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = {};
  const files = SOURCE_ROOTS.flatMap((dir) => listSources(join(root, dir))).sort();
  for (const file of files) {
    const node: FileImports = { imports: [], packages: [] };
    const unresolved: string[] = [];
    for (const specifier of collectSpecifiers(file, readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
        node.packages.push(specifier);
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (target) node.imports.push(toRepoPath(root, target));
      else unresolved.push(specifier);
    }
    node.imports = [...new Set(node.imports)];
    node.packages = [...new Set(node.packages)];
    if (unresolved.length > 0) node.unresolved = unresolved;
    graph[toRepoPath(root, file)] = node;
  }
  return graph;
}
