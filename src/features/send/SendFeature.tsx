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
import { useState, type ReactNode } from 'react';
import { useSend } from '../../store/sendStore.ts';
import { HistoryList } from './HistoryList.tsx';
import { InboxView } from './InboxView.tsx';
import { SendPanel } from './SendPanel.tsx';
import { useSender } from './useSender.ts';
import './send.css';

type SendTab = 'send' | 'history' | 'inbox';

export interface SendFeatureProps {
  /** Draws a card the way the preview does (the app passes the preview's renderer). */
  renderCard(card: Record<string, unknown>): ReactNode;
}

/**
 * The Send button of the toolbar and its panel: targets, pre-flight, the answer in plain words,
 * the history and the local inbox.
 */
export function SendFeature({ renderCard }: SendFeatureProps) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<SendTab>('send');
  const historyCount = useSend((s) => s.history.length);
  const sender = useSender();

  return (
    <>
      <Tooltip content="Send the card to a Teams webhook or the local inbox" relationship="description">
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
          {tab === 'inbox' && <InboxView renderCard={renderCard} />}
        </DrawerBody>
      </OverlayDrawer>
    </>
  );
}
