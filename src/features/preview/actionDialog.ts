import { resolveRequest, type ActionModel } from '../../card/preview/actions.ts';
import type { ActionDialog } from './context.ts';

/** A button's label as drawn: its name, or a fallback when the name is blank. */
export const actionLabel = (name: string, fallback: string) => name.trim() || fallback;

/** The dialog a button opens instead of doing what Teams would do; undefined for buttons without one. */
export function dialogFor(
  action: ActionModel,
  values: Record<string, string>,
  inActionCard: boolean,
): ActionDialog | undefined {
  switch (action.kind) {
    case 'HttpPOST':
      return { kind: 'post', name: action.name, request: resolveRequest(action, values), inActionCard };
    case 'OpenUri':
    case 'ViewAction':
      return { kind: 'open', name: action.name, action: action.kind, targets: action.targets, open: action.open };
    case 'InvokeAddInCommand':
      return { kind: 'addin', action };
    default:
      return undefined;
  }
}
