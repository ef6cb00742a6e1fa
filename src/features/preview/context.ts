import { createContext } from 'react';
import type { ActionModel, ResolvedRequest, UriTarget } from '../../card/preview/actions.ts';
import type { DisplayLimits, Renderer } from '../../card/preview/limits.ts';
import type { JsonPath, LocatedIssue } from '../../card/types.ts';

/** What every block of one preview frame needs to know; stable while the user types. */
export interface FrameSettings {
  renderer: Renderer;
  limits: DisplayLimits;
  newTeams: boolean;
  /** The first frame carries the test ids; a second frame (side by side) does not repeat them. */
  primary: boolean;
  onSelect(path: JsonPath): void;
}

export const FrameContext = createContext<FrameSettings | undefined>(undefined);

/** Rule issues grouped by the block that shows them (see `blockPathOf`). */
export const IssuesContext = createContext<ReadonlyMap<string, readonly LocatedIssue[]>>(new Map());

/** A request of a button, shown in a dialog instead of being carried out. */
export type ActionDialog =
  | { kind: 'post'; name: string; request: ResolvedRequest; inActionCard: boolean }
  | { kind: 'open'; name: string; action: 'OpenUri' | 'ViewAction'; targets: UriTarget[]; open: UriTarget | undefined }
  | { kind: 'addin'; action: Extract<ActionModel, { kind: 'InvokeAddInCommand' }> };

export interface ActionState {
  /**
   * The path key of the ActionCard whose panel is open, one at a time per card; '' once the user closed
   * it; undefined while the user has not chosen (a host may then open a lone ActionCard by itself).
   */
  openCard: string | undefined;
  setOpenCard(key: string | undefined): void;
  showDialog(dialog: ActionDialog): void;
}

export const ActionContext = createContext<ActionState>({
  openCard: undefined,
  setOpenCard: () => {},
  showDialog: () => {},
});
