import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
} from 'react';
import {
  DndContext,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  ChevronDown16Regular,
  ChevronRight16Regular,
  ErrorCircle12Filled,
  Info12Regular,
  Warning12Filled,
} from '@fluentui/react-icons';
import { buildOutline, dropMove, flattenOutline, stepMove, type OutlineNode } from '../../card/elements.ts';
import type { JsonPath, Severity } from '../../card/types.ts';
import { useDesignerStore } from '../../store/hooks.ts';
import { deleteElement, moveElement } from './commands.ts';

const SEVERITY_ICONS: Record<Severity, JSX.Element> = {
  error: <ErrorCircle12Filled aria-hidden />,
  warning: <Warning12Filled aria-hidden />,
  hint: <Info12Regular aria-hidden />,
};
const SEVERITY_WORDS: Record<Severity, string> = { error: 'Has errors', warning: 'Has warnings', hint: 'Has hints' };

const keyOf = (path: JsonPath) => JSON.stringify(path);
/** Whether the row `key` lies inside the row `ancestor` (keys are JSON paths). */
const isUnder = (key: string, ancestor: string) =>
  ancestor === '[]' ? key !== '[]' : key.startsWith(ancestor.slice(0, -1) + ',');
const pathOf = (key: string): JsonPath => JSON.parse(key) as JsonPath;

interface Row {
  node: OutlineNode;
  depth: number;
  parent: OutlineNode | undefined;
  setSize: number;
  posInSet: number;
}

interface OutlineProps {
  card: unknown;
  selectedPath: JsonPath;
  readOnly: boolean;
  onSelect(path: JsonPath): void;
  /** Enter: move the focus into the property form. */
  onOpenForm(): void;
  /** The worst severity of the issues about each element (its own fields included), by path key. */
  severities: ReadonlyMap<string, Severity>;
}

function isMovable(node: OutlineNode): boolean {
  return node.list !== undefined;
}

/**
 * The card as a tree (`role="tree"`): every element with its path. Arrows move and select, Enter
 * opens the form, Delete deletes, Alt+Up/Down moves; rows can be dragged onto siblings (to
 * reorder) or onto another section (to move facts, images and actions there).
 */
export function Outline({ card, selectedPath, readOnly, onSelect, onOpenForm, severities }: OutlineProps) {
  const designer = useDesignerStore();
  const root = useMemo(() => buildOutline(card), [card]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const treeRef = useRef<HTMLDivElement>(null);

  const selectedKey = keyOf(selectedPath);
  // A selection from elsewhere (editor cursor, preview click) is always visible: a collapsed
  // ancestor of it counts as open.
  const closed = useMemo(
    () => new Set([...collapsed].filter((key) => !isUnder(selectedKey, key))),
    [collapsed, selectedKey],
  );

  // A selection made elsewhere (editor, preview) scrolls its row into view.
  useEffect(() => {
    treeRef.current
      ?.querySelector<HTMLElement>(`[data-outline-key="${CSS.escape(selectedKey)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  const rows = useMemo(() => {
    const all = flattenOutline(root);
    const visible: Row[] = [];
    let hiddenUnder: string | undefined;
    for (const { node, depth, parent } of all) {
      const key = keyOf(node.path);
      if (hiddenUnder !== undefined && isUnder(key, hiddenUnder)) continue;
      hiddenUnder = undefined;
      const siblings = parent?.children ?? [node];
      visible.push({ node, depth, parent, setSize: siblings.length, posInSet: siblings.indexOf(node) + 1 });
      if (closed.has(key) && node.children.length > 0) hiddenUnder = key;
    }
    return visible;
  }, [root, closed]);

  const activeIndex = Math.max(
    0,
    rows.findIndex((r) => keyOf(r.node.path) === selectedKey),
  );

  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    onSelect(row.node.path);
    // The row re-renders as the tab stop; focus it once it has.
    requestAnimationFrame(() => {
      treeRef.current?.querySelector<HTMLElement>(`[data-outline-key="${CSS.escape(keyOf(row.node.path))}"]`)?.focus();
    });
  };

  const toggle = (key: string, open: boolean) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (open) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[activeIndex];
    if (!row) return;
    const key = keyOf(row.node.path);
    const hasChildren = row.node.children.length > 0;
    const open = hasChildren && !closed.has(key);
    let handled = true;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const move = readOnly ? undefined : stepMove(card, row.node.path, event.key === 'ArrowUp' ? -1 : 1);
      if (move) {
        moveElement(designer, move);
        requestAnimationFrame(() =>
          treeRef.current?.querySelector<HTMLElement>(`[data-outline-key="${CSS.escape(keyOf(move.to))}"]`)?.focus(),
        );
      }
    } else if (event.key === 'ArrowDown') focusRow(activeIndex + 1);
    else if (event.key === 'ArrowUp') focusRow(activeIndex - 1);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else if (event.key === 'ArrowRight') {
      if (hasChildren && !open) toggle(key, true);
      else if (open) focusRow(activeIndex + 1);
    } else if (event.key === 'ArrowLeft') {
      if (open) toggle(key, false);
      else if (row.parent) focusRow(rows.findIndex((r) => r.node === row.parent));
    } else if (event.key === 'Enter') onOpenForm();
    else if ((event.key === 'Delete' || event.key === 'Backspace') && !readOnly && row.node.path.length > 0) {
      deleteElement(designer, row.node.path);
      requestAnimationFrame(() =>
        treeRef.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus(),
      );
    } else handled = false;
    if (handled) event.preventDefault();
  };

  // Rows get stable callbacks that read the latest card and handlers, so they can be memoised.
  const latest = useRef({ card, onSelect, toggle });
  useLayoutEffect(() => {
    latest.current = { card, onSelect, toggle };
  });
  const canDrop = useCallback(
    (activeId: string, overId: string) => dropMove(latest.current.card, pathOf(activeId), pathOf(overId)) !== undefined,
    [],
  );
  const selectKey = useCallback((id: string) => latest.current.onSelect(pathOf(id)), []);
  const toggleKey = useCallback((id: string, open: boolean) => {
    // Collapsing around the selection moves the selection up, or it would stay open.
    if (!open) latest.current.onSelect(pathOf(id));
    latest.current.toggle(id, open);
  }, []);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const labelOf = (id: string | number) => rows.find((r) => keyOf(r.node.path) === id)?.node.label ?? 'the element';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${labelOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${labelOf(active.id)} is over ${labelOf(over.id)}.` : `${labelOf(active.id)} is no longer over a target.`,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${labelOf(active.id)} on ${labelOf(over.id)}.` : `Dropped ${labelOf(active.id)}.`,
    onDragCancel: ({ active }) => `Moving ${labelOf(active.id)} was cancelled.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || readOnly) return;
    const move = dropMove(card, pathOf(String(active.id)), pathOf(String(over.id)));
    if (move) moveElement(designer, move);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: 'Drag with the mouse, or use Alt+Up and Alt+Down to move the element.',
        },
      }}
    >
      <div ref={treeRef} role="tree" aria-label="Card outline" className="outline-tree" onKeyDown={onKeyDown}>
        {rows.map((row, index) => {
          const key = keyOf(row.node.path);
          return (
            <OutlineRow
              key={key}
              id={key}
              label={row.node.label}
              kind={row.node.kind}
              depth={row.depth}
              setSize={row.setSize}
              posInSet={row.posInSet}
              active={index === activeIndex}
              selected={key === selectedKey}
              expanded={row.node.children.length > 0 ? !closed.has(key) : undefined}
              draggable={!readOnly && isMovable(row.node)}
              severity={severities.get(key)}
              canDrop={canDrop}
              onSelect={selectKey}
              onToggle={toggleKey}
            />
          );
        })}
      </div>
    </DndContext>
  );
}

interface OutlineRowProps {
  id: string;
  label: string;
  kind: string;
  depth: number;
  setSize: number;
  posInSet: number;
  active: boolean;
  selected: boolean;
  expanded: boolean | undefined;
  draggable: boolean;
  severity: Severity | undefined;
  canDrop(activeId: string, overId: string): boolean;
  onSelect(id: string): void;
  onToggle(id: string, open: boolean): void;
}

/** One row; memoised on plain props, so typing in a form re-renders only the row whose label changed. */
const OutlineRow = memo(function OutlineRow({
  id,
  label,
  kind,
  depth,
  setSize,
  posInSet,
  active,
  selected,
  expanded,
  draggable,
  severity,
  canDrop,
  onSelect,
  onToggle,
}: OutlineRowProps) {
  const severityId = useId();
  const drag = useDraggable({ id, disabled: !draggable });
  const drop = useDroppable({ id });
  // Only rows that would accept the dragged element light up.
  const accepts = drop.isOver && drag.active !== null && canDrop(String(drag.active.id), id);

  const className = [
    'outline-row',
    selected ? 'is-selected' : '',
    drag.isDragging ? 'is-dragging' : '',
    accepts ? 'is-drop-target' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      ref={(element) => {
        drag.setNodeRef(element);
        drop.setNodeRef(element);
      }}
      role="treeitem"
      aria-level={depth + 1}
      aria-setsize={setSize}
      aria-posinset={posInSet}
      aria-selected={selected}
      aria-expanded={expanded}
      aria-label={label}
      aria-describedby={severity ? severityId : undefined}
      tabIndex={active ? 0 : -1}
      data-outline-key={id}
      data-kind={kind}
      className={className}
      style={{ paddingLeft: 4 + depth * 14 }}
      onClick={() => onSelect(id)}
      {...(draggable ? drag.listeners : {})}
    >
      <span
        className="outline-twisty"
        aria-hidden
        onClick={(event) => {
          if (expanded === undefined) return;
          event.stopPropagation();
          onToggle(id, !expanded);
        }}
      >
        {expanded === undefined ? null : expanded ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
      </span>
      <span className={`outline-kind kind-${kind}`} aria-hidden />
      <span className="outline-label">{label}</span>
      {severity && (
        <span className={`outline-severity severity-${severity}`}>
          {SEVERITY_ICONS[severity]}
          <span className="visually-hidden" id={severityId}>
            {SEVERITY_WORDS[severity]}
          </span>
        </span>
      )}
    </div>
  );
});
