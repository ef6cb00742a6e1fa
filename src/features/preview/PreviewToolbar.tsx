import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Select,
  Switch,
} from '@fluentui/react-components';
import { Info20Regular } from '@fluentui/react-icons';
import { useId } from 'react';
import { PREVIEW_HOSTS, usePreviewSettings, type PreviewHost } from '../../store/previewSettings.ts';

/** The choices the preview makes where the sources disagree or say nothing (reference §2, §4, §5, §6, §9). */
function AboutPreview() {
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" icon={<Info20Regular />} aria-label="About this preview">
          About
        </Button>
      </DialogTrigger>
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
                New Teams folds cards taller than about {480} px behind “See more” (the height is a guess) and no longer
                aligns facts as a table.
              </li>
              <li>
                Titles, subtitles and fact names take inline formatting only (bold, italic, strike, code, links): Teams’
                documentation says they take none, Microsoft’s own samples use bold in them.
              </li>
              <li>
                Markdown: a blank line starts a paragraph, a single line break does not; headings 4 to 6, tables and
                rules are shown as plain text. In <code>markdown: false</code> sections only the documented HTML tags
                are drawn.
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
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function HostSelect({ label, value, onChange }: { label: string; value: PreviewHost; onChange(h: PreviewHost): void }) {
  const id = useId();
  return (
    <span className="preview-control">
      <label htmlFor={id}>{label}</label>
      <Select id={id} size="small" value={value} onChange={(_e, d) => onChange(d.value as PreviewHost)}>
        {PREVIEW_HOSTS.map((h) => (
          <option key={h.value} value={h.value}>
            {h.label}
          </option>
        ))}
      </Select>
    </span>
  );
}

/** The preview's own controls: host and theme, width, new Teams, two hosts side by side, the about note. */
export function PreviewToolbar() {
  const host = usePreviewSettings((s) => s.host);
  const secondHost = usePreviewSettings((s) => s.secondHost);
  const sideBySide = usePreviewSettings((s) => s.sideBySide);
  const width = usePreviewSettings((s) => s.width);
  const newTeams = usePreviewSettings((s) => s.newTeams);
  const set = usePreviewSettings((s) => s.set);

  return (
    <div className="preview-toolbar" role="group" aria-label="Preview options">
      <HostSelect label={sideBySide ? 'Left' : 'Host'} value={host} onChange={(h) => set({ host: h })} />
      {sideBySide && <HostSelect label="Right" value={secondHost} onChange={(h) => set({ secondHost: h })} />}
      <Switch
        className="preview-switch"
        checked={width === 'narrow'}
        label="Narrow"
        onChange={(_e, d) => set({ width: d.checked ? 'narrow' : 'desktop' })}
      />
      <Switch
        className="preview-switch"
        checked={newTeams}
        label="New Teams"
        onChange={(_e, d) => set({ newTeams: d.checked })}
      />
      <Switch
        className="preview-switch"
        checked={sideBySide}
        label="Side by side"
        onChange={(_e, d) => set({ sideBySide: d.checked })}
      />
      <AboutPreview />
    </div>
  );
}
