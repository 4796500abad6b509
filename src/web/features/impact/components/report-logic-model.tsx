import { useLayoutEffect, useRef, useState } from 'react';
import { LOGIC_STAGES, type LogicNode } from '@shared/contracts/impact-project';
import { useI18n } from '@web/lib/i18n';

interface Link {
  key: string;
  d: string;
}

const textOf = (node: LogicNode, lang: string) => (lang === 'en' && node.textEn ? node.textEn : node.textTh);

/**
 * The logic model drawn: six stage columns (Input → Activities → Output → User → Outcome → Impact) with their boxes,
 * and a curve from each box to every box it leads to (measured from the laid-out boxes, redrawn on resize). Scrolls
 * sideways on narrow screens; each box also names what it leads to for screen readers.
 */
export function ReportLogicModel({ nodes }: { nodes: readonly LogicNode[] }) {
  const { t, lang } = useI18n();
  const rootRef = useRef<HTMLDivElement>(null);
  const [links, setLinks] = useState<Link[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const byId = new Map(nodes.map((n) => [n.id, n]));

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) {
      return undefined;
    }
    const measure = () => {
      const origin = root.getBoundingClientRect();
      const boxOf = (id: string) => root.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`);
      const next: Link[] = [];
      for (const node of nodes) {
        const from = boxOf(node.id)?.getBoundingClientRect();
        for (const target of node.links) {
          const to = boxOf(target)?.getBoundingClientRect();
          if (!from || !to || to.left <= from.left) {
            continue;
          }
          const x1 = from.right - origin.left;
          const y1 = from.top + from.height / 2 - origin.top;
          const x2 = to.left - origin.left;
          const y2 = to.top + to.height / 2 - origin.top;
          const mid = (x1 + x2) / 2;
          next.push({
            key: `${node.id}-${target}`,
            d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 2},${y2}`,
          });
        }
      }
      setLinks(next);
      setSize({ width: root.scrollWidth, height: root.scrollHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [nodes, lang]);

  return (
    <div className="ir-logic" role="group" aria-label={t('impactReport.logic.heading')}>
      <div className="ir-logic__canvas" ref={rootRef}>
        <svg
          className="ir-logic__links"
          width={size.width}
          height={size.height}
          aria-hidden="true"
          focusable="false"
        >
          <defs>
            <marker
              id="ir-arrow"
              viewBox="0 0 6 6"
              refX="5"
              refY="3"
              markerWidth="6"
              markerHeight="6"
              orient="auto"
            >
              <path d="M0,0 L6,3 L0,6 z" fill="#41505f" />
            </marker>
          </defs>
          {links.map((l) => (
            <path
              key={l.key}
              d={l.d}
              fill="none"
              stroke="#41505f"
              strokeWidth="1.2"
              markerEnd="url(#ir-arrow)"
            />
          ))}
        </svg>
        {LOGIC_STAGES.map((stage) => (
          <section key={stage} className={`ir-logic__column ir-logic__column--${stage}`}>
            <h3 className="ir-logic__stage">{t(`impactReport.stages.${stage}`)}</h3>
            <ul className="ir-logic__boxes">
              {nodes
                .filter((n) => n.stage === stage)
                .map((n) => {
                  const targets = n.links.flatMap((id) => {
                    const target = byId.get(id);
                    return target ? [textOf(target, lang)] : [];
                  });
                  return (
                    <li key={n.id} className="ir-logic__box" data-node={n.id}>
                      {textOf(n, lang)}
                      {targets.length > 0 ? (
                        <span className="visually-hidden">
                          {` (${t('impactReport.logic.leadsTo')}: ${targets.join('; ')})`}
                        </span>
                      ) : null}
                    </li>
                  );
                })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
