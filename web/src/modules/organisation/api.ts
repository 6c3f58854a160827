import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { unitsKey } from '../../api/query-keys.ts';
import type { Organisation, Unit, Verneomrade } from '../../api/types.ts';

export const areasKey = ['verneomrader'] as const;
export const organisationKey = ['organisation'] as const;

export function useUnits() {
  return useQuery({
    queryKey: unitsKey,
    queryFn: () => api.get<{ items: Unit[] }>('/units').then((r) => r.items),
  });
}

export function useAreas() {
  return useQuery({
    queryKey: areasKey,
    queryFn: () => api.get<{ items: Verneomrade[] }>('/verneomrader').then((r) => r.items),
  });
}

export function useOrganisation() {
  return useQuery({ queryKey: organisationKey, queryFn: () => api.get<Organisation>('/organisation') });
}

export type UnitNode = Unit & { depth: number; children: UnitNode[] };

/** The flat list as a tree, each level sorted by name (Norwegian collation). */
export function unitTree(units: readonly Unit[], locale: string): UnitNode[] {
  const byParent = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    // A unit whose parent is missing is shown at the top rather than lost.
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(u);
    byParent.set(parent, list);
  }
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'nb');
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .filter((u) => !seen.has(u.id) && seen.add(u.id))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((u) => ({ ...u, depth, children: build(u.id, depth + 1) }));
  return build(null, 0);
}

/** The tree in display order, flattened, with depth (for selects and checkbox lists). */
export function flattenTree(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The ids of a unit and everything under it. */
export function descendantIds(node: UnitNode): string[] {
  return [node.id, ...node.children.flatMap(descendantIds)];
}

/** A select option label that shows the level: `Helse og omsorg › Hjemmetjenesten`. */
export function unitPath(units: readonly Unit[], id: string): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const names: string[] = [];
  let current = byId.get(id);
  const guard = new Set<string>();
  while (current && !guard.has(current.id)) {
    guard.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(' › ');
}
