import { useEffect, useRef } from 'react';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, ToolbarButton } from '@fluentui/react-components';
import { BoxMultiple20Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';

/**
 * The toolbar's "More" menu, which holds what only some users need: the connector app package, for
 * owners of a connector registered before registration closed (connectors were switched off in Teams
 * in 2026; cards reach channels through Workflows). Focus comes back to "More" when the view closes.
 */
export function PackageMenu({ open, onOpen, onPrefetch }: { open: boolean; onOpen(): void; onPrefetch(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <Menu onOpenChange={(_event, data) => data.open && onPrefetch()}>
      <MenuTrigger disableButtonEnhancement>
        <ToolbarButton ref={ref} icon={<MoreHorizontal20Regular />} onPointerEnter={onPrefetch}>
          More
        </ToolbarButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<BoxMultiple20Regular />} onClick={onOpen}>
            Connector package (for existing connector owners)…
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
