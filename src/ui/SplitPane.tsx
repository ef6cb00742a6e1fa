import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

interface SplitPaneProps {
  /** Share of the width given to the first pane, between `min` and `max`. */
  share: number;
  onShareChange(share: number): void;
  first: ReactNode;
  second: ReactNode;
  label: string;
  min?: number;
  max?: number;
  /** On narrow screens only one pane shows; both stay mounted so the editor keeps its state. */
  show?: 'both' | 'first' | 'second';
}

const KEY_STEP = 0.02;

/**
 * Two panes side by side with a draggable divider. The divider is a focusable `separator`: arrow keys
 * move it, Home and End jump to the limits, so it works without a mouse.
 */
export function SplitPane({
  share,
  onShareChange,
  first,
  second,
  label,
  min = 0.2,
  max = 0.8,
  show = 'both',
}: SplitPaneProps) {
  const container = useRef<HTMLDivElement>(null);
  const clamp = (value: number) => Math.min(max, Math.max(min, value));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const divider = event.currentTarget;
    divider.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => {
      const box = container.current?.getBoundingClientRect();
      if (box && box.width > 0) onShareChange(clamp((e.clientX - box.left) / box.width));
    };
    const up = () => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', up);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft'
        ? share - KEY_STEP
        : event.key === 'ArrowRight'
          ? share + KEY_STEP
          : event.key === 'Home'
            ? min
            : event.key === 'End'
              ? max
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onShareChange(clamp(next));
  };

  return (
    <div
      className="split"
      ref={container}
      style={{ gridTemplateColumns: show === 'both' ? `${share}fr 6px ${1 - share}fr` : '1fr' }}
    >
      <div className="split-pane" hidden={show === 'second'}>
        {first}
      </div>
      <div
        hidden={show !== 'both'}
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuemin={Math.round(min * 100)}
        aria-valuemax={Math.round(max * 100)}
        aria-valuenow={Math.round(share * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane" hidden={show === 'first'}>
        {second}
      </div>
    </div>
  );
}
