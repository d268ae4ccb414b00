'use client';

import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Edge {
  from: string;
  to: string;
}

/**
 * SVG paths for edges between nodes laid out by CSS: each node carries `data-node-id`; an edge runs from
 * the right middle of one to the left middle of the other as a gentle S-curve. Re-measured whenever the
 * container resizes, so the drawing follows the layout rather than duplicating it.
 */
export function useEdgePaths(container: RefObject<HTMLElement | null>, edges: readonly Edge[]): { key: string; d: string }[] {
  const [paths, setPaths] = useState<{ key: string; d: string }[]>([]);
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const measure = () => {
      const box = root.getBoundingClientRect();
      const rectOf = (id: string) => root.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
      setPaths(
        edges.flatMap((edge) => {
          const a = rectOf(edge.from);
          const b = rectOf(edge.to);
          if (!a || !b) return [];
          const x1 = a.right - box.left;
          const y1 = a.top + a.height / 2 - box.top;
          const x2 = b.left - box.left;
          const y2 = b.top + b.height / 2 - box.top;
          const bend = Math.max(24, (x2 - x1) / 2);
          return [{ key: `${edge.from}->${edge.to}`, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` }];
        }),
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [container, edges]);
  return paths;
}
