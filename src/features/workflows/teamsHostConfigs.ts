/**
 * Teams' look for Adaptive Cards, light and dark, as host configuration data for Microsoft's
 * renderer. Values are the facts collected in reference/messagecard.md section 9 (Segoe UI;
 * 12/14/14/18/24 px text; weights 200/400/600; 8-24 px spacing and 16 px padding; 1 px separators;
 * 32/52/100 px images; Teams' colours; up to 6 horizontal, left-aligned buttons 8 px apart, show-cards
 * inline 16 px below). Written here as our own data, not taken from Microsoft's sample files.
 */

interface Palette {
  background: string;
  emphasis: string;
  text: string;
  subtle: string;
  accent: string;
  good: string;
  warning: string;
  attention: string;
  separator: string;
  /** Tinted backgrounds for `good` / `warning` / `attention` / `accent` containers. */
  tints: { good: string; warning: string; attention: string; accent: string };
}

/** `#AARRGGBB`: the host-config spelling of a colour with alpha. */
function withAlpha(hex: string, alpha: number): string {
  const aa = Math.round(alpha * 255)
    .toString(16)
    .toUpperCase()
    .padStart(2, '0');
  return `#${aa}${hex.replace('#', '')}`;
}

const LIGHT: Palette = {
  background: '#FFFFFF',
  emphasis: '#F9F8F7',
  text: '#252424',
  subtle: withAlpha('#252424', 0.75),
  accent: '#6264A7',
  good: '#92C353',
  warning: '#F8D22A',
  attention: '#C4314B',
  separator: '#EEEEEE',
  tints: { good: '#E7F2DA', warning: '#FBF6D9', attention: '#FCF4F6', accent: '#E2E2F6' },
};

const DARK: Palette = {
  background: '#2D2C2C',
  emphasis: '#292828',
  text: '#FFFFFF',
  subtle: withAlpha('#FFFFFF', 0.75),
  accent: '#A6A7DC',
  good: '#92C353',
  warning: '#F8D22A',
  attention: '#D74654',
  separator: '#484644',
  tints: { good: '#2B3424', warning: '#3A3520', attention: '#3E1F25', accent: '#33344A' },
};

function foreground(p: Palette) {
  const pair = (color: string, subtleAlpha = 0.75) => ({ default: color, subtle: withAlpha(color, subtleAlpha) });
  return {
    default: { default: p.text, subtle: p.subtle },
    dark: pair(p === DARK ? '#FFFFFF' : '#252424'),
    light: pair(p === DARK ? '#252424' : '#FFFFFF'),
    accent: pair(p.accent),
    good: pair(p.good),
    warning: pair(p.warning),
    attention: pair(p.attention),
  };
}

function hostConfig(p: Palette) {
  const colors = foreground(p);
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: colors });
  return {
    supportsInteractivity: true,
    fontFamily:
      "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
    fontTypes: {
      default: {
        fontFamily:
          "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 200, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: "'Courier New', Courier, monospace",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 200, default: 400, bolder: 600 },
      },
    },
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.separator },
    imageSizes: { small: 32, medium: 52, large: 100 },
    imageSet: { imageSize: 'medium', maxImageHeight: 100 },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 16,
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
      preExpandSingleShowCardAction: false,
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      allowTitleToWrap: false,
    },
    containerStyles: {
      default: style(p.background),
      emphasis: style(p.emphasis),
      accent: style(p.tints.accent),
      good: style(p.tints.good),
      warning: style(p.tints.warning),
      attention: style(p.tints.attention),
    },
    inputs: {
      label: {
        inputSpacing: 'small',
        requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
        optionalInputs: { weight: 'bolder' },
      },
      errorMessage: { color: 'attention', size: 'small' },
    },
  };
}

/** Teams' light theme. */
export const TEAMS_LIGHT_HOST_CONFIG = hostConfig(LIGHT);
/** Teams' dark theme. */
export const TEAMS_DARK_HOST_CONFIG = hostConfig(DARK);

/** Colours the view's own CSS needs around the rendered card (buttons, inputs, the page behind the card). */
export const TEAMS_CHROME = {
  light: {
    page: '#F5F5F5',
    card: LIGHT.background,
    text: LIGHT.text,
    accent: LIGHT.accent,
    border: '#E1DFDD',
    input: '#FFFFFF',
  },
  dark: {
    page: '#1F1F1F',
    card: DARK.background,
    text: DARK.text,
    accent: DARK.accent,
    border: '#484644',
    input: '#1F1F1F',
  },
} as const;
