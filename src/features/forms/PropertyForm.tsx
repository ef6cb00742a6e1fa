import { useMemo } from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Tooltip } from '@fluentui/react-components';
import {
  Add16Regular,
  ArrowDown16Regular,
  ArrowUp16Regular,
  ChevronDown16Regular,
  Copy16Regular,
  Delete16Regular,
  Dismiss16Regular,
} from '@fluentui/react-icons';
import { enclosingActionCard, inputIds, stepMove, type ElementInfo } from '../../card/elements.ts';
import { childLists, GRAMMAR, kindLabel, type ChildList } from '../../card/grammar.ts';
import { fieldsOf, knownKeys, type FieldSpec } from '../../card/formFields.ts';
import { pathStartsWith } from '../../json/path.ts';
import { asObject, getAt } from '../../json/read.ts';
import type { JsonPath, LocatedIssue } from '../../card/types.ts';
import { addElement, deleteElement, duplicateElement, moveElement, removeField } from './commands.ts';
import { useDesignerStore } from '../../store/hooks.ts';
import { FieldControl } from './FieldControl.tsx';
import { IssueList } from './IssueList.tsx';

interface PropertyFormProps {
  card: unknown;
  info: ElementInfo;
  issues: readonly LocatedIssue[];
  readOnly: boolean;
  /** After adding an element: it is selected; focus its form. */
  onAdded(): void;
}

/**
 * The form of one element: every field of the reference for its kind, the commands on the element
 * (duplicate, move, delete), the lists it can hold with buttons that add to them, fields Teams
 * does not know, and the rule issues beside what they concern.
 */
export function PropertyForm({ card, info, issues, readOnly, onAdded }: PropertyFormProps) {
  const designer = useDesignerStore();
  const element = asObject(getAt(card, info.path));
  const fields = useMemo(() => fieldsOf(info), [info]);
  const lists = useMemo(() => childLists(info), [info]);
  const path = info.path;
  const title = kindLabel(info);

  // Each issue is shown once, at the most specific place that concerns it.
  const fieldNames = new Set(fields.map((f) => f.name));
  const known = knownKeys(info);
  const unknownKeys = element ? Object.keys(element).filter((k) => !known.has(k)) : [];
  const own = issues.filter((issue) => pathStartsWith(issue.path, path));
  const byField = (name: string) =>
    own.filter((issue) => issue.path.length > path.length && issue.path[path.length] === name);
  const listKeys = new Set(lists.map((l) => l.key));
  const elementIssues = own.filter((issue) => {
    if (issue.path.length === path.length) return true;
    const key = issue.path[path.length];
    // Issues inside a child element belong to that element's own form; the list itself to this one.
    return typeof key === 'string' && listKeys.has(key) && issue.path.length === path.length + 1;
  });

  const index = path[path.length - 1];
  const movable = typeof index === 'number';
  const up = movable ? stepMove(card, path, -1) : undefined;
  const down = movable ? stepMove(card, path, 1) : undefined;

  const field = (spec: FieldSpec) => (
    <FieldControl
      key={spec.name}
      spec={spec}
      element={element ?? {}}
      elementPath={path}
      issues={byField(spec.name)}
      readOnly={readOnly}
      inputIds={spec.control === 'body' ? bodyInputs(card, path) : undefined}
    />
  );

  return (
    <div className="property-form">
      <div className="form-title-row">
        <h3 className="form-title">{title}</h3>
        {path.length > 0 && (
          <div className="form-commands" role="group" aria-label={`${title} commands`}>
            {movable && (
              <>
                <Tooltip content="Move up (Alt+Up in the outline)" relationship="description">
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowUp16Regular />}
                    aria-label={`Move ${title} up`}
                    disabled={readOnly || !up}
                    onClick={() => up && moveElement(designer, up)}
                  />
                </Tooltip>
                <Tooltip content="Move down (Alt+Down in the outline)" relationship="description">
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowDown16Regular />}
                    aria-label={`Move ${title} down`}
                    disabled={readOnly || !down}
                    onClick={() => down && moveElement(designer, down)}
                  />
                </Tooltip>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Copy16Regular />}
                  aria-label={`Duplicate ${title}`}
                  disabled={readOnly}
                  onClick={() => duplicateElement(designer, path) && onAdded()}
                />
              </>
            )}
            <Tooltip content="Delete (Delete in the outline)" relationship="description">
              <Button
                size="small"
                appearance="subtle"
                icon={<Delete16Regular />}
                aria-label={`Delete ${title}`}
                disabled={readOnly}
                onClick={() => deleteElement(designer, path)}
              />
            </Tooltip>
          </div>
        )}
      </div>
      {!element ? (
        <p className="form-note">
          This {title.toLowerCase()} is {getAt(card, path) === null ? 'null' : 'not an object'}: Teams cannot use it.
          Delete it, or fix it in the JSON.
        </p>
      ) : (
        <>
          <IssueList issues={elementIssues} readOnly={readOnly} />
          {fields.filter((f) => !f.outlookOnly).map(field)}
          {fields.some((f) => f.outlookOnly) && (
            <details className="form-group" open={fields.some((f) => f.outlookOnly && Object.hasOwn(element, f.name))}>
              <summary>Outlook only (Teams ignores these)</summary>
              {fields.filter((f) => f.outlookOnly).map(field)}
            </details>
          )}
          {lists.length > 0 && (
            <div className="form-children" role="group" aria-label="Add to this element">
              {lists.map((list) => (
                <AddButton
                  key={list.key}
                  list={list}
                  path={path}
                  present={Object.hasOwn(element, list.key)}
                  readOnly={readOnly}
                  onAdded={onAdded}
                />
              ))}
            </div>
          )}
          {unknownKeys.length > 0 && (
            <div className="form-unknown" role="group" aria-label="Fields Teams does not know">
              <h4 className="form-subtitle">Other fields</h4>
              {unknownKeys.map((key) => (
                <div key={key} className="form-unknown-field">
                  <div className="form-field-head">
                    <code className="form-unknown-key">{key}</code>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<Dismiss16Regular />}
                      aria-label={`Remove ${key}`}
                      disabled={readOnly}
                      onClick={() => removeField(designer, [...path, key])}
                    />
                  </div>
                  <code className="form-unknown-value">{preview(element[key])}</code>
                  <IssueList issues={fieldNames.has(key) ? [] : byField(key)} readOnly={readOnly} />
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function bodyInputs(card: unknown, path: JsonPath): string[] | undefined {
  const owner = enclosingActionCard(path);
  return owner ? inputIds(card, owner) : undefined;
}

function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 120 ? `${json.slice(0, 119)}…` : json;
}

function AddButton({
  list,
  path,
  present,
  readOnly,
  onAdded,
}: {
  list: ChildList;
  path: JsonPath;
  present: boolean;
  readOnly: boolean;
  onAdded(): void;
}) {
  const designer = useDesignerStore();
  const noun = GRAMMAR[list.kind].label.toLowerCase();
  const add = (type?: string) => {
    if (addElement(designer, path, list.key, list.kind, type)) onAdded();
  };
  if (list.single) {
    return (
      <Button size="small" icon={<Add16Regular />} disabled={readOnly || present} onClick={() => add()}>
        {present ? `Has a ${noun}` : `Add ${noun}`}
      </Button>
    );
  }
  if (!list.types) {
    return (
      <Button size="small" icon={<Add16Regular />} disabled={readOnly} onClick={() => add()}>
        Add {noun}
      </Button>
    );
  }
  return (
    <Menu>
      <MenuTrigger>
        <Button size="small" icon={<Add16Regular />} iconPosition="before" disabled={readOnly}>
          Add {noun} <ChevronDown16Regular aria-hidden />
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {list.types.map((type) => (
            <MenuItem key={type} onClick={() => add(type)}>
              {type}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
