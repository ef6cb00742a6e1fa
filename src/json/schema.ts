/** The shape of the JSON Schemas this project writes (the card's and the app manifest's). */

type JsonSchemaTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A snippet offered by completion (a VS Code extension of JSON Schema). */
export interface JsonSchemaSnippet {
  label?: string;
  description?: string;
  markdownDescription?: string;
  /** The value to insert; strings starting with `^` are inserted raw, `$1` marks tab stops. */
  body?: unknown;
  bodyText?: string;
}

/**
 * The subset of JSON Schema draft-07 this file uses, plus the annotations the VS Code / Monaco
 * JSON language service understands (`markdownDescription`, `enumDescriptions`,
 * `markdownEnumDescriptions`, `defaultSnippets`, `errorMessage`, `patternErrorMessage`).
 */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $comment?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: JsonSchemaTypeName | JsonSchemaTypeName[];
  enum?: unknown[];
  const?: unknown;
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
  defaultSnippets?: JsonSchemaSnippet[];
  errorMessage?: string;
  patternErrorMessage?: string;
}
