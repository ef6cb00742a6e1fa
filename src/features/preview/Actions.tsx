import './Actions.css';
import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import { Suspense, useContext } from 'react';
import { drawnActions } from '../../card/behaviour.ts';
import { readAction } from '../../card/preview/actions.ts';
import { applyLimit } from '../../card/preview/limits.ts';
import { pathKey } from '../../card/preview/blocks.ts';
import { asArray } from '../../json/read.ts';
import type { JsonPath } from '../../card/types.ts';
import { actionLabel as label, dialogFor } from './actionDialog.ts';
import { Block, DesignerNote } from './Block.tsx';
import { ActionCardPanel } from './lazyParts.ts';
import { ActionContext, FrameContext } from './context.ts';
import { LoadBoundary } from '../../ui/LoadBoundary.tsx';

/** The open panel once the user closed it: no panel, and no default either. */
const CLOSED = '';

interface ActionBarProps {
  actions: unknown;
  basePath: JsonPath;
  limit: number | undefined;
  /** Where the actions sit, for the group's name and the designer note. */
  where: 'card' | 'section';
}

/**
 * A row of action buttons, wrapped as the width requires, with the panel of the open ActionCard
 * below it. Buttons past the client's limit are not drawn; a designer note says how many.
 */
export function ActionBar({ actions, basePath, limit, where }: ActionBarProps) {
  const frame = useContext(FrameContext);
  const { openCard, setOpenCard, showDialog } = useContext(ActionContext);
  // A button's dialog gives the focus back to the button when it closes.
  const restoreFocus = useRestoreFocusTarget();
  const host = frame?.renderer ?? 'teams';
  const list = asArray(actions) ?? [];
  // Workflows draws no buttons at all; the card says how many it left out.
  if (list.length === 0 || host === 'workflows') return null;
  // What the host draws, and only that counts toward its limit (InvokeAddInCommand is not drawn in Teams).
  const { drawn, notDrawn } = drawnActions(list, host);
  const { shown, hidden } = applyLimit(drawn, limit);
  const models = shown.map(({ action }) => readAction(action, host));
  const teams = host !== 'outlook';
  // Outlook opens a lone ActionCard of a list in advance; Teams does not (reference §4.4). Until the
  // user opens or closes a panel, that default holds.
  const preOpened =
    !teams && list.length === 1 && models[0]?.kind === 'ActionCard' ? pathKey([...basePath, 0]) : undefined;
  const openKey = openCard === undefined ? preOpened : openCard;
  const openAt = models.findIndex(
    (m, j) => m.kind === 'ActionCard' && openKey === pathKey([...basePath, shown[j]!.index]),
  );
  const open = openAt >= 0 ? models[openAt] : undefined;
  const openIndex = openAt >= 0 ? shown[openAt]!.index : -1;

  return (
    <div className="mc-action-area">
      {models.length > 0 && (
        <div className="mc-actions" role="group" aria-label={where === 'card' ? 'Card actions' : 'Section actions'}>
          {models.map((model, j) => {
            const path = [...basePath, shown[j]!.index];
            const key = pathKey(path);
            if (model.kind === 'unknown') {
              return (
                <Block key={key} path={path} className="mc-action is-unknown">
                  <DesignerNote>
                    An action of type “{model.type || 'none'}” is not drawn: Teams knows OpenUri, HttpPOST, ActionCard
                    and ViewAction.
                  </DesignerNote>
                </Block>
              );
            }
            return (
              <Block key={key} path={path} className="mc-action">
                <Button
                  size="medium"
                  className="mc-action-button"
                  aria-expanded={model.kind === 'ActionCard' ? openKey === key : undefined}
                  {...(model.kind === 'ActionCard' ? {} : restoreFocus)}
                  onClick={() => {
                    if (model.kind === 'ActionCard') setOpenCard(openKey === key ? CLOSED : key);
                    else {
                      const dialog = dialogFor(model, {}, false);
                      if (dialog) showDialog(dialog);
                    }
                  }}
                >
                  <span className="mc-action-label">{label(model.name, 'Unnamed action')}</span>
                </Button>
              </Block>
            );
          })}
        </div>
      )}
      {notDrawn > 0 && (
        <DesignerNote>
          {notDrawn === 1 ? '1 InvokeAddInCommand action is' : `${notDrawn} InvokeAddInCommand actions are`} not drawn:
          they open Outlook add-ins, which Teams does not run (nor count toward its limit).
        </DesignerNote>
      )}
      {hidden > 0 && (
        <DesignerNote>
          {hidden} more {hidden === 1 ? 'action is' : 'actions are'} not drawn: {teams ? 'Teams' : 'Outlook'} shows at
          most {limit} {where === 'card' ? 'card actions' : 'actions per section'}.
        </DesignerNote>
      )}
      {open?.kind === 'ActionCard' && (
        <LoadBoundary what="The panel of this ActionCard">
          <Suspense fallback={<div className="mc-action-panel" aria-busy="true" />}>
            <ActionCardPanel key={pathKey([...basePath, openIndex])} model={open} path={[...basePath, openIndex]} />
          </Suspense>
        </LoadBoundary>
      )}
    </div>
  );
}
