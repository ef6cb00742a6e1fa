import { useEffect, useRef } from 'react';
import { ToolbarButton, Tooltip } from '@fluentui/react-components';
import { BoxMultiple20Regular } from '@fluentui/react-icons';

/** The toolbar button that opens the package view; focus comes back to it when the view closes. */
export function PackageButton({ open, onOpen, onPrefetch }: { open: boolean; onOpen(): void; onPrefetch(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <Tooltip content="Package a registered connector as a Teams app (.zip)" relationship="description">
      <ToolbarButton
        ref={ref}
        icon={<BoxMultiple20Regular />}
        onClick={onOpen}
        onPointerEnter={onPrefetch}
        onFocus={onPrefetch}
        aria-pressed={open}
      >
        Package
      </ToolbarButton>
    </Tooltip>
  );
}
