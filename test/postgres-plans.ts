/** A node of a PostgreSQL plan as `explain (format json)` gives it, with the fields tests read. */
export interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Index Cond'?: string;
  readonly Filter?: string;
  readonly Plans?: readonly PlanNode[];
}

/** The rows of `explain (format json) …`. */
export type ExplainedRows = readonly unknown[];

/** Every node of the plan in `rows` that `wanted` picks, the plan's root first. */
export function planNodes(rows: ExplainedRows, wanted: (node: PlanNode) => boolean): PlanNode[] {
  const found: PlanNode[] = [];
  const visit = (node: PlanNode): void => {
    if (wanted(node)) found.push(node);
    for (const child of node.Plans ?? []) visit(child);
  };
  const explained = rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] } | undefined;
  for (const entry of explained?.['QUERY PLAN'] ?? []) visit(entry.Plan);
  return found;
}
