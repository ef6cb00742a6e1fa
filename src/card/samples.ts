import teamsConnectorExample from './samples/teams-connector-example.json?raw';
import welcome from './samples/welcome.json?raw';

/**
 * The card the designer opens with on a first visit: it shows sections, facts and the three kinds of
 * ActionCard input. Kept as raw text so that its formatting is the one the user sees.
 */
export const WELCOME_CARD_TEXT: string = welcome;

/**
 * What "New card" starts from: the smallest card that passes every rule for Teams (summary and text
 * present, a valid theme colour), so a user never begins with a red marker.
 */
export const BLANK_CARD_TEXT = `{
  "@type": "MessageCard",
  "@context": "https://schema.org/extensions",
  "summary": "New card",
  "themeColor": "0076D7",
  "title": "New card",
  "text": "Write the message here."
}
`;

/**
 * The example card of Microsoft's Teams connector page ("Example connector message"), byte for byte
 * as published (issue 13): an inline image in `activityTitle`, a first section with nothing before
 * it, and three ActionCards with the three input types, `"isMultiSelect": "false"` as a string.
 */
export const TEAMS_CONNECTOR_EXAMPLE_TEXT: string = teamsConnectorExample;
