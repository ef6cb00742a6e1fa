import {
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ToolbarButton,
  Tooltip,
} from '@fluentui/react-components';
import {
  Archive20Regular,
  ArchiveArrowBack20Regular,
  ArrowDownload20Regular,
  ArrowExportLtr20Regular,
  ArrowImport20Regular,
  ClipboardPaste20Regular,
  Code20Regular,
  Copy20Regular,
  Dismiss20Regular,
  DocumentBulletList20Regular,
  FolderOpen20Regular,
  Grid20Regular,
  Share20Regular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { minifyCardText } from '../../json/format.ts';
import { decodeShareFragment, isShareFragment } from '../../exchange/shareLink.ts';
import { linkedCardNotice, linkedCardNoticeShown } from './openLinkedCard.ts';
import { TEAMS_SIZE_LIMIT_BYTES, TEAMS_SIZE_WARNING_BYTES } from '../../card/size.ts';
import { useDesigner, useDesignerStore, useDraftsStore } from '../../store/hooks.ts';
import { copyText, fileNameFor, importText, openCard, prettyText, type Notice } from './actions.ts';
import { formatBytes, utf8Length } from '../../lib/bytes.ts';
import { DraftsDialog } from './DraftsDialog.tsx';
import { BackupDialog, RestoreDialog } from './BackupDialogs.tsx';
import { DraftConflictDialog } from './DraftConflictDialog.tsx';
import { StorageTroubleBar } from './StorageTroubleBar.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { SnippetsDialog } from './SnippetsDialog.tsx';
import { TemplateGallery } from './TemplateGallery.tsx';
import './share.css';

/** Files above this size are not cards (Teams takes 28 KB); refusing them keeps the tab responsive. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

type Open = 'templates' | 'drafts' | 'import' | 'share' | 'snippets' | 'backup' | 'restore' | undefined;

export interface ShareFeatureProps {
  /** Draws a card the way the preview does, for the template thumbnails (passed by the app). */
  renderCard(card: Record<string, unknown>): ReactNode;
}

/**
 * What users do with a card once it looks right: templates, drafts, import, export, share links and
 * code snippets. Adds its buttons to the toolbar; also opens share links and files dropped on the window.
 */
export function ShareFeature({ renderCard }: ShareFeatureProps) {
  const designerStore = useDesignerStore();
  const draftsStore = useDraftsStore();
  // The card's text is read when a command needs it, not on every keystroke: a dialog is modal, so the
  // text it was opened with stays the text of the card while it is open.
  const [open, setOpenState] = useState<Open>();
  const [openText, setOpenText] = useState('');
  const setOpen = useCallback(
    (next: Open) => {
      setOpenText(designerStore.getState().text);
      setOpenState(next);
    },
    [designerStore],
  );
  // A link the page was opened with was already opened before the first screen (openLinkedCard.ts).
  const [notice, setNotice] = useState<Notice | undefined>(linkedCardNotice);
  useEffect(linkedCardNoticeShown, []);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_IMPORT_BYTES) {
        setNotice({
          tone: 'error',
          title: `${file.name} was not opened.`,
          text: `It is ${formatBytes(file.size)}; a card is at most a few kilobytes.`,
        });
        return;
      }
      try {
        setNotice(importText(draftsStore, await file.text(), file.name));
      } catch {
        setNotice({ tone: 'error', title: `${file.name} could not be read.` });
      }
    },
    [draftsStore],
  );

  // Share links: #card=… opens the card as a new draft; a broken or hostile link changes nothing.
  useEffect(() => {
    const openFromHash = () => {
      const hash = location.hash;
      if (!isShareFragment(hash)) return;
      // Drop the card from the address, so a reload does not open it a second time.
      history.replaceState(history.state, '', location.pathname + location.search);
      const decoded = decodeShareFragment(hash);
      if (!decoded.ok) {
        setNotice({
          tone: 'error',
          title: 'This share link could not be opened. Your card was not changed.',
          text: decoded.message,
        });
        return;
      }
      setNotice(openCard(draftsStore, decoded.text, 'the shared card'));
    };
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, [draftsStore]);

  // A file dropped anywhere on the window is imported; the editor does not get to insert it as text.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      setDragging(false);
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [importFile]);

  // Confirmations fade; errors stay until dismissed.
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = setTimeout(() => setNotice(undefined), 10_000);
    return () => clearTimeout(timer);
  }, [notice]);

  const copy = async (value: string | undefined, what: string) => {
    if (value === undefined) return;
    const error = await copyText(value);
    setNotice(
      error
        ? { tone: 'error', title: 'Nothing was copied.', text: error }
        : { tone: 'success', title: `${what} copied.` },
    );
  };

  const download = () => {
    const text = designerStore.getState().text;
    const pretty = prettyText(text);
    if (pretty === undefined) return;
    const url = URL.createObjectURL(new Blob([pretty], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileNameFor(text);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNotice({ tone: 'success', title: `Downloaded ${a.download}.` });
  };

  return (
    <>
      <Tooltip content="Start from one of the starter cards" relationship="description">
        <ToolbarButton icon={<Grid20Regular />} onClick={() => setOpen('templates')}>
          Templates
        </ToolbarButton>
      </Tooltip>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <ToolbarButton icon={<FolderOpen20Regular />}>Open</ToolbarButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<DocumentBulletList20Regular />} onClick={() => setOpen('drafts')}>
              Drafts…
            </MenuItem>
            <MenuDivider />
            <MenuItem icon={<ArrowImport20Regular />} onClick={() => fileInput.current?.click()}>
              Import a .json file…
            </MenuItem>
            <MenuItem icon={<ClipboardPaste20Regular />} onClick={() => setOpen('import')}>
              Paste JSON or a code snippet…
            </MenuItem>
            <MenuDivider />
            <MenuItem icon={<ArchiveArrowBack20Regular />} onClick={() => setOpen('restore')}>
              Restore from backup…
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <ToolbarButton icon={<ArrowExportLtr20Regular />}>Export</ToolbarButton>
        </MenuTrigger>
        <MenuPopover>
          <ExportMenuList
            onCopy={(value, what) => void copy(value, what)}
            onDownload={download}
            onSnippets={() => setOpen('snippets')}
            onBackup={() => setOpen('backup')}
          />
        </MenuPopover>
      </Menu>
      <Tooltip content="Copy a link that carries the card" relationship="description">
        <ToolbarButton icon={<Share20Regular />} onClick={() => setOpen('share')}>
          Share
        </ToolbarButton>
      </Tooltip>

      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json,text/plain"
        hidden
        aria-label="Card file to open"
        data-testid="import-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />

      <TemplateGallery
        open={open === 'templates'}
        onClose={() => setOpen(undefined)}
        renderCard={renderCard}
        onChoose={(t) => {
          setOpen(undefined);
          setNotice(openCard(draftsStore, t.text, `the template “${t.name}”`));
        }}
      />
      <DraftsDialog
        open={open === 'drafts'}
        onClose={() => setOpen(undefined)}
        onOpened={(name) => {
          setOpen(undefined);
          setNotice({
            tone: 'success',
            title: `Opened ${name.startsWith('a new') ? name : `“${name}”`}.`,
            text: 'The card you left stays in Drafts.',
          });
        }}
      />
      <ImportDialog
        open={open === 'import'}
        onClose={() => setOpen(undefined)}
        onImport={(pasted) => {
          setOpen(undefined);
          setNotice(importText(draftsStore, pasted, 'the pasted text'));
        }}
      />
      <ShareDialog
        open={open === 'share'}
        text={openText}
        onClose={() => setOpen(undefined)}
        onCopied={(ok, message) =>
          setNotice(
            ok
              ? { tone: 'success', title: 'Link copied.' }
              : { tone: 'error', title: 'Nothing was copied.', text: message },
          )
        }
      />
      <SnippetsDialog open={open === 'snippets'} text={openText} onClose={() => setOpen(undefined)} />
      <BackupDialog open={open === 'backup'} onClose={() => setOpen(undefined)} />
      <RestoreDialog open={open === 'restore'} onClose={() => setOpen(undefined)} />
      <DraftConflictDialog />
      <StorageTroubleBar onBackup={() => setOpen('backup')} />

      {dragging && (
        <div className="share-drop" aria-hidden>
          Drop a .json file to open it as a new draft
        </div>
      )}
      {notice && (
        <div className="share-notice" role={notice.tone === 'error' ? 'alert' : 'status'}>
          <MessageBar
            intent={notice.tone === 'error' ? 'error' : notice.tone === 'info' ? 'warning' : 'success'}
            layout="multiline"
          >
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label="Dismiss"
                  icon={<Dismiss20Regular />}
                  onClick={() => setNotice(undefined)}
                />
              }
            />
          </MessageBar>
        </div>
      )}
    </>
  );
}

interface ExportMenuListProps {
  onCopy(value: string | undefined, what: string): void;
  onDownload(): void;
  onSnippets(): void;
  onBackup(): void;
}

/** The Export menu's items; mounted only while the menu is open, so only then does it follow the text. */
function ExportMenuList({ onCopy, onDownload, onSnippets, onBackup }: ExportMenuListProps) {
  const text = useDesigner((s) => s.text);
  const minified = minifyCardText(text);
  const bytes = minified === undefined ? undefined : utf8Length(minified);
  const broken = minified === undefined;
  const sizeLabel =
    bytes === undefined
      ? ''
      : `${formatBytes(bytes)} of ${TEAMS_SIZE_LIMIT_BYTES / 1024} KB${bytes > TEAMS_SIZE_LIMIT_BYTES ? ': over Teams’ limit' : bytes > TEAMS_SIZE_WARNING_BYTES ? ': near Teams’ limit' : ''}`;
  return (
    <MenuList>
      <MenuItem icon={<Copy20Regular />} disabled={broken} onClick={() => onCopy(prettyText(text), 'Indented JSON')}>
        Copy JSON
      </MenuItem>
      <MenuItem
        icon={<Copy20Regular />}
        disabled={broken}
        secondaryContent={sizeLabel}
        onClick={() => onCopy(minified, `Minified JSON (${formatBytes(bytes ?? 0)})`)}
      >
        Copy minified
      </MenuItem>
      <MenuItem icon={<ArrowDownload20Regular />} disabled={broken} onClick={onDownload}>
        Download .json
      </MenuItem>
      <MenuDivider />
      <MenuItem icon={<Code20Regular />} disabled={broken} onClick={onSnippets}>
        Code snippets…
      </MenuItem>
      <MenuDivider />
      <MenuItem icon={<Archive20Regular />} onClick={onBackup}>
        Back up all drafts…
      </MenuItem>
    </MenuList>
  );
}
