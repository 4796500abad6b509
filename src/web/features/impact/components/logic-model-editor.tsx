import { useId, useState } from 'react';
import {
  LOGIC_LIMITS,
  LOGIC_STAGES,
  type LogicModel,
  type LogicNode,
  type LogicStage,
} from '@shared/contracts/impact-project';
import { FormAlert, FormSuccess, SaveProblemAlert } from '@web/components/ui/form';
import { fieldIssues, toApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { projectImpactApi } from '../api-project';

const newId = () => `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A box's text in the interface's language (the Thai when there is no English). */
export function nodeText(node: LogicNode, lang: string): string {
  return lang === 'en' && node.textEn ? node.textEn : node.textTh;
}

/** The model drawn read-only: six columns (stacked on a phone), each box with the boxes it leads to. */
export function LogicModelView({ nodes }: { nodes: readonly LogicNode[] }) {
  const { t, lang } = useI18n();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <ol className="ip-logic" data-testid="logic-model-view">
      {LOGIC_STAGES.map((stage) => {
        const boxes = nodes.filter((n) => n.stage === stage);
        return (
          <li key={stage} className={`ip-logic__stage ip-logic__stage--${stage}`}>
            <h3 className="ip-logic__title">{t(`impactProject.ui.stage.${stage}`)}</h3>
            {boxes.length === 0 ? (
              <p className="ip-muted">{t('impactProject.ui.logic.empty')}</p>
            ) : (
              <ul className="ip-logic__boxes">
                {boxes.map((node) => (
                  <li key={node.id} className="ip-box" id={`box-${node.id}`}>
                    <p className="ip-box__text">{nodeText(node, lang)}</p>
                    {node.links.length > 0 ? (
                      <p className="ip-box__links">
                        <span className="visually-hidden">{t('impactProject.ui.logic.linksTo')}: </span>
                        {node.links.map((id) => {
                          const target = byId.get(id);
                          return target ? (
                            <span key={id} className="ip-chip">
                              <span aria-hidden="true">→ </span>
                              {nodeText(target, lang)}
                            </span>
                          ) : null;
                        })}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The logic-model editor: add, edit and remove boxes in each of the six stages, tick the boxes of later stages each
 * box leads to, and save the whole model at once (with its version; a stale one offers to reload).
 */
export function LogicModelEditor({
  projectId,
  model,
  onSaved,
  onCancel,
  onReload,
}: {
  projectId: string;
  model: LogicModel;
  onSaved: (model: LogicModel) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const uid = useId();
  const [nodes, setNodes] = useState<LogicNode[]>(model.nodes);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const [boxErrors, setBoxErrors] = useState<Record<number, string[]>>({});

  const change = (update: (nodes: LogicNode[]) => LogicNode[]) => {
    setNodes(update);
    setDirty(true);
    setSaved(false);
  };
  const add = (stage: LogicStage) => {
    const id = newId();
    change((list) => [...list, { id, stage, textTh: '', textEn: '', links: [] }]);
    window.setTimeout(() => document.getElementById(`${uid}-${id}-th`)?.focus(), 0);
  };
  const remove = (id: string) =>
    change((list) =>
      list.filter((n) => n.id !== id).map((n) => ({ ...n, links: n.links.filter((l) => l !== id) })),
    );
  const edit = (id: string, patch: Partial<LogicNode>) =>
    change((list) => list.map((n) => (n.id === id ? { ...n, ...patch } : n)));
  const toggleLink = (id: string, target: string, on: boolean) =>
    change((list) =>
      list.map((n) =>
        n.id === id ? { ...n, links: on ? [...n.links, target] : n.links.filter((l) => l !== target) } : n,
      ),
    );

  const save = async () => {
    setBusy(true);
    setProblem(null);
    setBoxErrors({});
    try {
      const next = await projectImpactApi.saveLogicModel(projectId, {
        version: model.version,
        nodes: nodes.map((n) => ({ ...n, textTh: n.textTh.trim(), textEn: n.textEn.trim() })),
      });
      setNodes(next.nodes);
      setDirty(false);
      setSaved(true);
      onSaved(next);
    } catch (caught) {
      const error = toApiError(caught);
      const errors: Record<number, string[]> = {};
      for (const issue of fieldIssues(error)) {
        const match = /^body\.nodes\.(\d+)\./.exec(issue.field);
        if (match) {
          const index = Number(match[1]);
          errors[index] = [...(errors[index] ?? []), issue.message];
        }
      }
      setBoxErrors(errors);
      setProblem({
        kind: error.code === 'CONFLICT' ? 'stale' : 'error',
        message: error.code === 'CONFLICT' ? t('impactProject.ui.logic.stale') : error.message,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ip-logic-editor">
      <ol className="ip-logic ip-logic--edit" data-testid="logic-model-editor">
        {LOGIC_STAGES.map((stage, stageIndex) => {
          const later = LOGIC_STAGES.slice(stageIndex + 1);
          const targets = later.flatMap((st) => nodes.filter((n) => n.stage === st));
          const stageName = t(`impactProject.ui.stage.${stage}`);
          let n = 0;
          return (
            <li key={stage} className={`ip-logic__stage ip-logic__stage--${stage}`} data-stage={stage}>
              <h3 className="ip-logic__title">{stageName}</h3>
              <p className="ip-logic__hint">{t(`impactProject.ui.stageHint.${stage}`)}</p>
              <ul className="ip-logic__boxes">
                {nodes.map((node, index) => {
                  if (node.stage !== stage) {
                    return null;
                  }
                  n += 1;
                  const base = `${uid}-${node.id}`;
                  const errors = boxErrors[index] ?? [];
                  return (
                    <li
                      key={node.id}
                      className="ip-box ip-box--edit"
                      aria-label={t('impactProject.ui.logic.boxLabel', { n, stage: stageName })}
                      data-invalid={errors.length > 0 ? 'true' : undefined}
                      data-testid="logic-box"
                    >
                      <label htmlFor={`${base}-th`}>{t('impactProject.ui.logic.textTh')}</label>
                      <textarea
                        id={`${base}-th`}
                        rows={2}
                        maxLength={LOGIC_LIMITS.text}
                        value={node.textTh}
                        required
                        onChange={(e) => edit(node.id, { textTh: e.target.value })}
                        data-testid="logic-box-th"
                      />
                      <label htmlFor={`${base}-en`}>{t('impactProject.ui.logic.textEn')}</label>
                      <input
                        id={`${base}-en`}
                        lang="en"
                        maxLength={LOGIC_LIMITS.text}
                        value={node.textEn}
                        onChange={(e) => edit(node.id, { textEn: e.target.value })}
                      />
                      {stage !== 'impact' ? (
                        <details className="ip-box__linker">
                          <summary>{t('impactProject.ui.logic.links', { count: node.links.length })}</summary>
                          {targets.length === 0 ? (
                            <p className="ip-muted">{t('impactProject.ui.logic.noLinkTargets')}</p>
                          ) : (
                            <fieldset>
                              <legend className="visually-hidden">
                                {t('impactProject.ui.logic.linksTo')}
                              </legend>
                              {targets.map((target) => (
                                <label key={target.id} className="ip-check">
                                  <input
                                    type="checkbox"
                                    checked={node.links.includes(target.id)}
                                    onChange={(e) => toggleLink(node.id, target.id, e.target.checked)}
                                  />
                                  <span>
                                    <span className="ip-muted">
                                      {t(`impactProject.ui.stage.${target.stage}`)}:{' '}
                                    </span>
                                    {nodeText(target, lang) || t('impactProject.ui.logic.untitled')}
                                  </span>
                                </label>
                              ))}
                            </fieldset>
                          )}
                        </details>
                      ) : null}
                      {errors.map((message) => (
                        <p key={message} className="ip-error">
                          {message}
                        </p>
                      ))}
                      <button
                        type="button"
                        className="ip-link-button ip-link-button--danger"
                        onClick={() => remove(node.id)}
                        aria-label={t('impactProject.ui.logic.removeLabel', {
                          text: nodeText(node, lang) || t('impactProject.ui.logic.untitled'),
                        })}
                        data-testid="logic-box-remove"
                      >
                        {t('impactProject.ui.logic.remove')}
                      </button>
                    </li>
                  );
                })}
              </ul>
              <button
                type="button"
                className="ip-add"
                onClick={() => add(stage)}
                disabled={nodes.length >= LOGIC_LIMITS.nodesMax}
                aria-label={t('impactProject.ui.logic.addIn', { stage: stageName })}
                data-testid={`logic-add-${stage}`}
              >
                + {t('impactProject.ui.logic.add')}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="ip-savebar">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={busy || !dirty}
          data-testid="logic-save"
        >
          {t('impactProject.ui.logic.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('impactProject.ui.indicators.cancel')}
        </button>
        {dirty ? <span className="ip-muted">{t('impactProject.ui.logic.unsaved')}</span> : null}
        {saved ? <FormSuccess>{t('impactProject.ui.logic.saved')}</FormSuccess> : null}
      </div>
      {problem ? (
        problem.kind === 'stale' ? (
          <SaveProblemAlert
            kind="stale"
            message={problem.message}
            reloadLabel={t('impactProject.ui.logic.reload')}
            onReloadLatest={onReload}
          />
        ) : (
          <FormAlert testId="logic-error">
            <p>{problem.message}</p>
          </FormAlert>
        )
      ) : null}
    </div>
  );
}
