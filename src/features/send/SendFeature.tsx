import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Tab,
  TabList,
  ToolbarButton,
  Tooltip,
} from '@fluentui/react-components';
import { Dismiss24Regular, Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSend } from '../../store/hooks.ts';
import { HistoryList } from './HistoryList.tsx';
import { InboxView } from './InboxView.tsx';
import type { CardRenderers } from './RunView.tsx';
import { SendPanel } from './SendPanel.tsx';
import { useSender } from './useSender.ts';
import './send.css';

type SendTab = 'send' | 'history' | 'inbox';

/**
 * How the Inbox draws what arrived: the app passes the preview's renderer for MessageCards (as the
 * connector drew them, or as a Workflows post shows them) and the Adaptive Card view's renderer.
 */
export type SendFeatureProps = CardRenderers;

/**
 * The Send button of the toolbar and its panel: targets, pre-flight, the answer in plain words,
 * the history and the local inbox.
 */
export function SendFeature({ renderCard, renderAdaptive }: SendFeatureProps) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<SendTab>('send');
  const historyCount = useSend((s) => s.history.length);
  const sender = useSender();

  return (
    <>
      <Tooltip
        content="Send the card to a Teams Workflows webhook, or to the designer's own"
        relationship="description"
      >
        <ToolbarButton icon={<Send20Regular />} onClick={() => setOpen(true)}>
          Send
        </ToolbarButton>
      </Tooltip>
      <OverlayDrawer
        open={open}
        onOpenChange={(_e, data) => setOpen(data.open)}
        position="end"
        size="medium"
        className="send-drawer"
        aria-label="Send a test card"
      >
        <DrawerHeader>
          <DrawerHeaderTitle
            action={
              <Button
                appearance="subtle"
                aria-label="Close"
                icon={<Dismiss24Regular />}
                onClick={() => setOpen(false)}
              />
            }
          >
            Send a test card
          </DrawerHeaderTitle>
          <TabList
            selectedValue={tab}
            onTabSelect={(_e, data) => setTab(data.value as SendTab)}
            aria-label="Send views"
            size="small"
          >
            <Tab value="send">Send</Tab>
            <Tab value="history">History{historyCount > 0 ? ` (${historyCount})` : ''}</Tab>
            <Tab value="inbox">Inbox</Tab>
          </TabList>
        </DrawerHeader>
        <DrawerBody>
          {tab === 'send' && <SendPanel sender={sender} />}
          {tab === 'history' && <HistoryList sender={sender} onResend={() => setTab('send')} />}
          {tab === 'inbox' && <InboxView renderCard={renderCard} renderAdaptive={renderAdaptive} />}
        </DrawerBody>
      </OverlayDrawer>
    </>
  );
}
