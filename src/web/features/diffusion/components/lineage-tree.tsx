import { Link } from 'react-router';
import type { LineageNode } from '@shared/contracts/diffusion';
import { useI18n } from '@web/lib/i18n';
import { StatusLabel, provinceName } from '../labels';

function Branch({ nodes }: { nodes: LineageNode[] }) {
  const { lang } = useI18n();
  return (
    <ul className="df-tree__branch">
      {nodes.map((node) => (
        <li key={node.adoptionId} className="df-tree__node">
          <span className="df-tree__label">
            <Link to={`/adoptions/${node.adoptionId}`}>{node.adopterName}</Link>
            <span className="df-muted"> · {provinceName(node.provinceCode, lang)}</span>{' '}
            <StatusLabel status={node.status} />
          </span>
          {node.children.length > 0 ? <Branch nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Who adopted from whom: the origin at the root, each site under the site it learnt from (a nested list). */
export function LineageTree({ originLabel, lineage }: { originLabel: string; lineage: LineageNode[] }) {
  const { t } = useI18n();
  return (
    <div className="df-tree" data-testid="lineage-tree">
      <p className="df-tree__root">
        <span className="df-tree__origin" aria-hidden="true">
          ◆
        </span>{' '}
        {t('diffusion.lineage.origin')}: {originLabel}
      </p>
      {lineage.length > 0 ? (
        <Branch nodes={lineage} />
      ) : (
        <p className="df-muted">{t('diffusion.lineage.empty')}</p>
      )}
    </div>
  );
}
