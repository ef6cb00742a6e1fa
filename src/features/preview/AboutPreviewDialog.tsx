import './AboutPreviewDialog.css';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { SEE_MORE_HEIGHT } from './CardView.tsx';

/** The choices the preview makes where the sources disagree or say nothing (reference §2, §4, §5, §6, §9). */
export default function AboutPreviewDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>About this preview</DialogTitle>
          <DialogContent className="preview-about">
            <p>
              Microsoft never documented how Teams draws connector cards. The preview follows the documentation where it
              exists and makes these choices where sources disagree or are silent:
            </p>
            <ul>
              <li>
                Section order: title, activity, hero image, text, facts, images, actions (Microsoft’s 2024
                transformation template and its 2017 playground); a 2016 reference put text before the activity.
              </li>
              <li>
                Section actions are drawn at the bottom of their section; Microsoft’s 2024 template lifts OpenUri
                actions to the card’s action bar.
              </li>
              <li>
                Teams draws 10 sections and 5 images and 5 actions per section; the card-level action limit is
                undocumented, so none are dropped in Teams. Outlook draws at most 4 actions per list (its
                documentation), all sections and the hero image.
              </li>
              <li>
                The colour bar is 4 px across the top in Teams and a left stripe in Outlook; without{' '}
                <code>themeColor</code> it takes Teams’ default accent. The new Teams client dropped the bar (it has
                since come back on Windows, not on macOS).
              </li>
              <li>
                New Teams folds cards taller than about {SEE_MORE_HEIGHT} px behind “See more” (the height is a guess)
                and no longer aligns facts as a table.
              </li>
              <li>
                Titles, subtitles and fact names take inline formatting only (bold, italic, strike, code, links,
                images): Teams’ documentation says they take none, Microsoft’s own samples use bold and an image in
                them. A link in a card or section <code>title</code> is not a link in any host: it shows as written, as
                the rules and the Adaptive Card export say.
              </li>
              <li>
                Markdown: a blank line starts a paragraph, a single line break does not; headings 4 to 6, tables and
                rules are shown as plain text. In <code>markdown: false</code> sections only the documented HTML tags
                are drawn. Outlook does not know <code>markdown</code>: it reads Markdown everywhere, with headings 1 to
                6, and shows HTML tags as written.
              </li>
              <li>
                Choice lists: Teams shows a single choice as a drop-down and a multi-select as check boxes, Outlook both
                as drop-downs, unless <code>style</code> says otherwise; <code>&quot;style&quot;: true</code>, the Teams
                page’s recipe for a compact multi-select, is read as compact.
              </li>
              <li>
                Images are drawn when they are http(s) URLs or PNG, JPEG or GIF data URIs under 1 MB; SVG and other
                formats named by their extension are not. A DateInput value is read as an ISO date, with or without
                time, seconds and zone. Teams leaves out InvokeAddInCommand buttons and does not count them toward its
                limit.
              </li>
              <li>
                Teams via Workflows: the card as Teams shows a MessageCard posted to a Workflows webhook, from the
                Workflows bot with its template line, and without any button.
              </li>
              <li>
                A lone ActionCard is not opened in advance (Teams’ host configuration); Outlook opens it. One ActionCard
                panel is open at a time.
              </li>
              <li>
                In an HttpPOST body, typed values are escaped for JSON in a JSON body and URL-encoded in a form body;
                Microsoft does not document the escaping.
              </li>
              <li>
                High contrast: Teams publishes no colours for it; the preview uses black, white and the system highlight
                colours, and the colour bar takes the highlight colour, as the system would force it.
              </li>
              <li>Sizes and colours come from Teams’ Adaptive Card host configuration, the closest public source.</li>
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
