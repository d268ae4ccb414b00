'use client';

import { useMemo, useRef, type ReactNode } from 'react';
import type { LineageGraph as LineageData, LineageNode } from '@/lib/db/queries/lineage';
import { dataSourceHref, splitDataSource } from '@/lib/registry/compare-lineage';
import { InputNode, VersionNode, type VersionNodeData } from './lineage-node';
import { useEdgePaths, type Edge } from './use-edge-paths';

export interface LineageInputs {
  trainingDataSource: string | null;
  dataVersion: string;
  trainingDataHash: string | null;
  codeCommit: string | null;
  featureCount: number;
  /** From a `feature_pipeline` tag, when the version has one. */
  featurePipeline: string | null;
}

/** Columns show this many nodes; a base model with hundreds of fine-tunes gets a count, not a wall. */
const PER_COLUMN = 8;

const shortHash = (hash: string) => (hash.length > 24 ? `${hash.slice(0, 15)}…${hash.slice(-6)}` : hash);

function Column({ label, children, more }: { label: string; children: ReactNode[]; more?: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <h3 className="text-xs font-medium text-ink-faint">{label}</h3>
      <ul aria-label={label} className="flex flex-1 flex-col justify-center gap-3">
        {children.slice(0, PER_COLUMN).map((child, i) => (
          <li key={i}>{child}</li>
        ))}
        {children.length > PER_COLUMN && <li className="text-xs text-ink-faint">+{children.length - PER_COLUMN} more</li>}
        {more && <li className="text-xs text-ink-faint">{more}</li>}
      </ul>
    </div>
  );
}

/**
 * Where a version came from and what came of it, left to right: grandparents; its parents with the data,
 * code and schema it was trained from; the version; its children; their children. Nodes are links.
 */
export function LineageGraph({ focus, inputs, graph }: { focus: VersionNodeData; inputs: LineageInputs; graph: LineageData }) {
  const container = useRef<HTMLDivElement>(null);
  const byDepth = (nodes: LineageNode[], depth: number) => nodes.filter((n) => n.depth === depth);
  const grandparents = byDepth(graph.ancestors, 2);
  const parents = byDepth(graph.ancestors, 1);
  const children = byDepth(graph.descendants, 1);
  const grandchildren = byDepth(graph.descendants, 2);
  const data = inputs.trainingDataSource ? splitDataSource(inputs.trainingDataSource) : null;

  const inputNodes: { id: string; node: ReactNode }[] = [
    {
      id: 'input:data',
      node: data ? (
        <InputNode id="input:data" kind="Data source" href={dataSourceHref(data.source, data.version)} title={`Every version trained on ${data.source}`}>
          <span className="font-mono">{data.source}</span>
          <span className="block text-ink-muted">
            @{data.version ?? inputs.dataVersion}
            {inputs.trainingDataHash && <span className="block font-mono" title={inputs.trainingDataHash}>{shortHash(inputs.trainingDataHash)}</span>}
          </span>
        </InputNode>
      ) : (
        <InputNode id="input:data" kind="Data">
          version <span className="font-mono">{inputs.dataVersion}</span> <span className="text-ink-faint">(source not recorded)</span>
        </InputNode>
      ),
    },
    ...(inputs.codeCommit
      ? [{ id: 'input:code', node: <InputNode id="input:code" kind="Code commit" title={inputs.codeCommit}><span className="font-mono">{inputs.codeCommit.slice(0, 12)}</span></InputNode> }]
      : []),
    {
      id: 'input:features',
      node: (
        <InputNode id="input:features" kind="Features">
          {inputs.featureCount} input {inputs.featureCount === 1 ? 'feature' : 'features'}
          {inputs.featurePipeline && <span className="block text-ink-muted">pipeline <span className="font-mono">{inputs.featurePipeline}</span></span>}
        </InputNode>
      ),
    },
  ];

  const inputIds = inputNodes.map((n) => n.id).join(' ');
  const edges = useMemo<Edge[]>(() => [...graph.edges, ...inputIds.split(' ').map((id) => ({ from: id, to: focus.id }))], [graph.edges, focus.id, inputIds]);
  const paths = useEdgePaths(container, edges);
  const versionNode = (n: LineageNode) => <VersionNode node={n} currentModel={focus.model} />;

  const columns = [
    grandparents.length > 0 && (
      <Column key="gp" label="Grandparents" more={graph.moreAncestors && 'Older ancestors: open a grandparent to go further back.'}>
        {grandparents.map(versionNode)}
      </Column>
    ),
    <Column key="p" label="Parents and inputs">
      {[...parents.map(versionNode), ...inputNodes.map((n) => n.node)]}
    </Column>,
    <Column key="v" label="This version">
      {[<VersionNode key="focus" node={focus} currentModel={focus.model} focus />]}
    </Column>,
    <Column key="c" label="Derived versions">
      {children.length > 0 ? children.map(versionNode) : [<p key="none" className="text-xs text-ink-faint">No version lists this one as a parent.</p>]}
    </Column>,
    grandchildren.length > 0 && (
      <Column key="gc" label="Derived from those" more={graph.moreDescendants && 'More descendants: open a node to go further.'}>
        {grandchildren.map(versionNode)}
      </Column>
    ),
  ].filter(Boolean);

  return (
    <div className="relative overflow-x-auto">
      <div ref={container} data-testid="lineage-graph" className="relative grid min-w-[44rem] gap-x-12 py-1" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(9rem, 1fr))` }}>
        <svg aria-hidden className="pointer-events-none absolute inset-0 size-full overflow-visible">
          {paths.map((p) => (
            <path key={p.key} d={p.d} fill="none" className="stroke-line-strong" strokeWidth={1.5} />
          ))}
        </svg>
        {columns}
      </div>
    </div>
  );
}
