/**
 * The last visit's picture of the preview: what a returning user sees before the app's code has arrived.
 *
 * The app is React and Fluent; on a 2-core machine no card it renders can show before about a second
 * (issue 14). So the designer keeps a picture of the preview pane as it was last drawn (its markup, the
 * runtime style rules Fluent inserted for it, and where it sat), and the first, small script of the page
 * paints it, inert, while the rest loads. The app then replaces it in its first frame; the live card is
 * drawn in the same place.
 *
 * A picture is painted only when it is certainly right: it was taken of exactly the text the tab opens
 * with (not another draft, not a share link), of an up-to-date preview, and in a window of the same size,
 * pixel ratio and colour scheme. Otherwise nothing is painted and the app draws the card as before.
 *
 * Storage: one entry, a cache rather than the user's work. Losing it costs nothing but the early picture,
 * so it is written as a cache (`StorageArea.writeCache`: a failed write is not reported as trouble), and
 * an entry that does not read is removed rather than kept aside.
 *
 * Every style sheet of the preview is imported here, so that they are in the page's first style sheet,
 * linked before any script runs, and the picture is drawn with them: one left to a later chunk (the
 * preview toolbar's was) lays the pane out differently until it arrives.
 */
import { localArea, type StorageArea } from '../../lib/storage.ts';
import { boxOf, currentScreen, parseBox, parseScreen, sameScreen, type Box, type Screen } from '../../lib/screen.ts';
import '../../ui/flowBotSender.css';
import.meta.glob('./*.css', { eager: true });

export const PICTURE_KEY = 'messagecard-designer:picture:v1';
/** Cards longer than this are not pictured: the text is kept in the picture to compare with. */
const MAX_TEXT = 100_000;
/** Markup and style rules together; a larger picture would cost more to store than it saves. */
const MAX_PICTURE = 400_000;

export interface Picture {
  /** The card text the picture was taken of. */
  text: string;
  screen: Screen;
  /** The preview pane's box in the window, and how far it was scrolled. */
  box: Box;
  scrollTop: number;
  /**
   * The class names of the pane's ancestors, outermost first: the app's theme and Fluent's provider, whose
   * variables the pane's colours and fonts use.
   */
  ancestors: string[];
  /** The preview pane's markup. */
  html: string;
  /** The style rules inserted at run time (Fluent's) that the pane's class names use. */
  css: string;
}

/** The stored value as a picture, or undefined when it is not one. */
export function parsePicture(value: unknown): Picture | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  if (
    typeof p.text !== 'string' ||
    typeof p.html !== 'string' ||
    typeof p.css !== 'string' ||
    !Array.isArray(p.ancestors) ||
    !p.ancestors.every((c) => typeof c === 'string') ||
    typeof p.scrollTop !== 'number' ||
    !Number.isFinite(p.scrollTop) ||
    !parseScreen(p.screen) ||
    !parseBox(p.box)
  ) {
    return undefined;
  }
  return value as Picture;
}

/** True when the picture shows `text` in a window like this one, so that the app will draw it in the same place. */
export function pictureFits(picture: Picture, text: string, screen: Screen): boolean {
  return picture.text === text && sameScreen(picture.screen, screen);
}

/** The stored picture, if it reads as one; an entry that does not is removed. */
export function readPicture(from: StorageArea = localArea()): Picture | undefined {
  const raw = from.readRaw(PICTURE_KEY);
  if (raw === undefined) return undefined;
  let picture: Picture | undefined;
  try {
    picture = parsePicture(JSON.parse(raw));
  } catch {
    picture = undefined;
  }
  if (!picture) from.remove(PICTURE_KEY);
  return picture;
}

/** Stores the picture, or forgets the stored one when there is none to take. Never throws. */
export function savePicture(picture: Picture | undefined, to: StorageArea = localArea()) {
  if (picture) to.writeCache(PICTURE_KEY, JSON.stringify(picture));
  else to.remove(PICTURE_KEY);
}

const CLASS_NAME = /\.(-?[_a-zA-Z][\w-]*)/g;

/**
 * The rules of the style sheets inserted at run time (`<style>` elements: Fluent's Griffel rules and its
 * themes' variables) that name one of `classes`. The app's own style sheets are files the page links
 * before any script runs, so the picture does not need them.
 */
function runtimeRules(classes: ReadonlySet<string>): string {
  const uses = (selector: string) => [...selector.matchAll(CLASS_NAME)].some((m) => classes.has(m[1]!));
  const pick = (rules: CSSRuleList): string[] =>
    [...rules].flatMap((rule) => {
      if (rule instanceof CSSStyleRule) return uses(rule.selectorText) ? [rule.cssText] : [];
      if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
        const inner = pick(rule.cssRules);
        const at = rule instanceof CSSMediaRule ? '@media' : '@supports';
        return inner.length > 0 ? [`${at} ${rule.conditionText}{${inner.join('')}}`] : [];
      }
      return [];
    });
  return [...document.styleSheets]
    .filter((sheet) => sheet.ownerNode instanceof HTMLStyleElement)
    .flatMap((sheet) => {
      try {
        return pick(sheet.cssRules);
      } catch {
        return [];
      }
    })
    .join('\n');
}

/**
 * A picture of the preview pane as it is drawn now, of the card `text`; undefined when there is nothing
 * worth keeping (the pane is hidden, or the card is too large). `previous` itself when nothing changed.
 */
export function capturePicture(pane: HTMLElement, text: string, previous?: Picture): Picture | undefined {
  if (text.length > MAX_TEXT) return undefined;
  const rect = pane.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return undefined;
  const copy = pane.cloneNode(true) as HTMLElement;
  // Markup does not hold what a control shows (React sets it as a property): write it as attributes.
  const controls = pane.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select');
  copy.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select').forEach((el, i) => {
    const live = controls[i]!;
    if (el instanceof HTMLSelectElement && live instanceof HTMLSelectElement) {
      el.querySelectorAll('option').forEach((option, n) =>
        option.toggleAttribute('selected', n === live.selectedIndex),
      );
    } else if (el instanceof HTMLInputElement && live instanceof HTMLInputElement) {
      el.toggleAttribute('checked', live.checked);
      el.setAttribute('value', live.value);
    }
  });
  // A selection outline belongs to this visit, and the copy is not a landmark.
  for (const el of copy.querySelectorAll('[data-selected]')) el.removeAttribute('data-selected');
  copy.removeAttribute('aria-label');
  const ancestors: string[] = [];
  for (let el = pane.parentElement; el && el !== document.body; el = el.parentElement) ancestors.unshift(el.className);
  const classes = new Set<string>(ancestors.flatMap((c) => c.split(/\s+/)));
  for (const el of [copy, ...copy.querySelectorAll('[class]')]) el.classList.forEach((c) => classes.add(c));
  const html = copy.outerHTML;
  const screen = currentScreen();
  const box = boxOf(rect);
  // Nothing changed since the last picture: keep it, without reading the style rules again.
  if (
    previous &&
    previous.text === text &&
    previous.html === html &&
    previous.scrollTop === pane.scrollTop &&
    JSON.stringify([previous.screen, previous.box, previous.ancestors]) === JSON.stringify([screen, box, ancestors])
  ) {
    return previous;
  }
  const picture: Picture = {
    text,
    screen,
    box,
    scrollTop: pane.scrollTop,
    ancestors,
    html,
    css: runtimeRules(classes),
  };
  return picture.html.length + picture.css.length + text.length <= MAX_PICTURE ? picture : undefined;
}

/** The elements the preview draws. Others in a stored picture are replaced by their content. */
const ELEMENTS = new Set(
  (
    'a abbr b blockquote br button code dd del div dl dt em h1 h2 h3 h4 h5 h6 hr i img input ins label li ' +
    'ol option p pre s section select small span strike strong sub sup table tbody td th thead tr u ul ' +
    'svg path g circle rect line polyline polygon'
  ).split(' '),
);
/** Elements dropped with their content: they run, load or hide things. */
const DROPPED = new Set(
  'script style iframe frame frameset object embed applet template noscript textarea title foreignobject math link meta base'.split(
    ' ',
  ),
);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster']);
const SAFE_URL = /^(https?:|mailto:|data:image\/)/i;

/**
 * Removes from a stored picture what the preview never draws: elements that run, load or hide things
 * (scripts, frames, styles) with their content, other unknown elements but not their content, event
 * handler attributes and addresses other than http(s), mailto and data images. The picture was made by
 * the preview, whose card content is already escaped and sanitised; this guards against a stored entry
 * written by something else.
 */
export function cleanPicture(root: DocumentFragment) {
  for (const el of [...root.querySelectorAll('*')]) {
    const tag = el.localName.toLowerCase();
    if (DROPPED.has(tag)) {
      el.remove();
      continue;
    }
    if (!ELEMENTS.has(tag)) {
      el.replaceWith(...el.childNodes);
      continue;
    }
    for (const { name, value } of [...el.attributes]) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || (URL_ATTRIBUTES.has(lower) && !SAFE_URL.test(value.trim()))) {
        el.removeAttribute(name);
      }
    }
  }
}

/**
 * Paints the stored picture into `root` when it shows `text` in a window like this one; returns whether it
 * did. The picture is inert and hidden from assistive technology: the app, which replaces `root`'s
 * content when it first renders, brings the real, usable card.
 */
export function paintPicture(root: HTMLElement, text: string): boolean {
  const picture = readPicture();
  if (!picture || !pictureFits(picture, text, currentScreen())) return false;
  // The page's first script calls this before it starts the app: nothing a stored entry holds may stop it.
  try {
    const { frame, pane } = pictureFrame(picture);
    root.append(frame);
    if (pane && picture.scrollTop > 0) pane.scrollTop = picture.scrollTop;
    return true;
  } catch {
    localArea().remove(PICTURE_KEY);
    return false;
  }
}

/** The element that shows `picture` where the pane was, and the pane's copy in it. */
function pictureFrame(picture: Picture): { frame: HTMLElement; pane: Element | null } {
  const template = document.createElement('template');
  template.innerHTML = picture.html;
  cleanPicture(template.content);
  const frame = document.createElement('div');
  frame.className = 'last-picture';
  frame.dataset.testid = 'last-picture';
  frame.setAttribute('aria-hidden', 'true');
  frame.inert = true;
  const { left, top, width, height } = picture.box;
  Object.assign(frame.style, {
    position: 'fixed',
    left: `${left}px`,
    top: `${top}px`,
    width: `${width}px`,
    height: `${height}px`,
    overflow: 'hidden',
  });
  const style = document.createElement('style');
  style.textContent = picture.css;
  // The ancestors' classes, on elements that take no box of their own, so that the pane inherits and
  // matches as it did.
  let parent: HTMLElement = frame;
  for (const className of picture.ancestors) {
    const wrapper = document.createElement('div');
    wrapper.className = className;
    wrapper.style.display = 'contents';
    parent.append(wrapper);
    parent = wrapper;
  }
  parent.append(template.content);
  frame.prepend(style);
  return { frame, pane: parent.firstElementChild };
}
