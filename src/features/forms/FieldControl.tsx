import { useId, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Select,
  Switch,
  Textarea,
  Tooltip,
} from '@fluentui/react-components';
import { Add16Regular, Delete16Regular, Dismiss16Regular, TextBulletListAdd20Regular } from '@fluentui/react-icons';
import { asArray, asBoolean, asObject, asString } from '../../json/read.ts';
import { isSafeImageUrl, normaliseHexColor, placeholderFor, type FieldSpec } from '../../card/formFields.ts';
import type { JsonPath, LocatedIssue } from '../../card/types.ts';
import { removeField, setField } from './commands.ts';
import { IssueList } from './IssueList.tsx';

/** Defaults the reference gives, shown while a boolean field is absent. */
const BOOLEAN_DEFAULTS: Readonly<Record<string, boolean>> = { markdown: true };

interface FieldControlProps {
  spec: FieldSpec;
  /** The element holding the field. */
  element: Record<string, unknown>;
  elementPath: JsonPath;
  issues: readonly LocatedIssue[];
  readOnly: boolean;
  /** For an HttpPOST body: the ids of the inputs of its ActionCard; undefined outside one. */
  inputIds?: readonly string[] | undefined;
}

/** Why a value of the wrong kind shows as it does. */
function kindNote(value: unknown): string | undefined {
  if (Array.isArray(value)) return 'This field holds a list; typing here replaces it with text.';
  if (value !== null && typeof value === 'object') return 'This field holds an object; typing here replaces it.';
  return undefined;
}

/**
 * One field of a property form: its label and hint, the control that fits it, a button that
 * removes the key, and the rule issues about it with their quick fixes.
 */
export function FieldControl({ spec, element, elementPath, issues, readOnly, inputIds }: FieldControlProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const path = [...elementPath, spec.name];
  const present = Object.hasOwn(element, spec.name);
  const value = element[spec.name];
  const write = (next: unknown, typing = false) => setField(path, next, { typing });
  const describedBy = spec.hint || spec.markdown ? hintId : undefined;

  let control: ReactNode;
  switch (spec.control) {
    case 'boolean': {
      const fallback = BOOLEAN_DEFAULTS[spec.name] ?? false;
      const checked = asBoolean(value) ?? fallback;
      control = (
        <Switch
          id={id}
          checked={checked}
          aria-describedby={describedBy}
          label={present ? (checked ? 'On' : 'Off') : `${checked ? 'On' : 'Off'} (default, not set)`}
          onChange={(_e, data) => write(data.checked)}
        />
      );
      break;
    }
    case 'enum': {
      const current = value === undefined || value === null ? '' : (asString(value) ?? JSON.stringify(value));
      const options = spec.options.includes(current) || current === '' ? spec.options : [current, ...spec.options];
      control = (
        <Select
          id={id}
          value={current}
          aria-describedby={describedBy}
          onChange={(_e, data) => (data.value === '' ? removeField(path) : write(data.value))}
        >
          {(!spec.required || current === '') && <option value="">(not set)</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      );
      break;
    }
    case 'number': {
      const text = typeof value === 'number' ? String(value) : (asString(value) ?? '');
      control = (
        <Input
          id={id}
          type="number"
          min={0}
          value={text}
          aria-describedby={describedBy}
          onChange={(_e, data) => {
            const n = Number(data.value);
            if (data.value.trim() === '') removeField(path);
            else if (Number.isFinite(n)) write(n, true);
          }}
        />
      );
      break;
    }
    case 'color':
      control = <ColorControl id={id} value={value} describedBy={describedBy} write={write} label={spec.label} />;
      break;
    case 'textarea':
      control = (
        <Textarea
          id={id}
          resize="vertical"
          rows={3}
          value={asString(value) ?? ''}
          aria-describedby={describedBy}
          onChange={(_e, data) => write(data.value, true)}
        />
      );
      break;
    case 'body':
      control = (
        <BodyControl
          id={id}
          value={asString(value) ?? ''}
          describedBy={describedBy}
          write={write}
          inputIds={inputIds}
          readOnly={readOnly}
        />
      );
      break;
    case 'choiceDefault':
      control = (
        <ChoiceDefault id={id} element={element} value={value} describedBy={describedBy} path={path} write={write} />
      );
      break;
    case 'list':
      control = <StringList id={id} label={spec.label} value={value} path={path} describedBy={describedBy} />;
      break;
    case 'json':
      control = <JsonControl id={id} value={value} describedBy={describedBy} write={write} />;
      break;
    case 'image':
    case 'url':
    case 'text':
    default: {
      const text = asString(value) ?? '';
      const input = (
        <Input
          id={id}
          value={text}
          inputMode={spec.control === 'text' ? undefined : 'url'}
          placeholder={spec.control === 'text' ? undefined : 'https://'}
          aria-describedby={describedBy}
          onChange={(_e, data) => write(data.value, true)}
        />
      );
      control =
        spec.control === 'image' ? (
          <div className="form-image-row">
            {input}
            <Thumbnail url={text} label={spec.label} />
          </div>
        ) : (
          input
        );
    }
  }

  const note = spec.control !== 'list' && spec.control !== 'json' ? kindNote(value) : undefined;
  return (
    <div className="form-field" data-field={spec.name}>
      <div className="form-field-head">
        <label htmlFor={id} className="form-label">
          {spec.label}
        </label>
        {present && !spec.required && (
          <Tooltip content={`Remove ${spec.name} from the card`} relationship="description">
            <Button
              size="small"
              appearance="subtle"
              icon={<Dismiss16Regular />}
              aria-label={`Remove ${spec.label}`}
              onClick={() => removeField(path)}
              disabled={readOnly}
            />
          </Tooltip>
        )}
      </div>
      {control}
      {note && <p className="form-note">{note}</p>}
      {(spec.hint || spec.markdown) && (
        <p id={hintId} className="form-hint">
          {spec.markdown && (
            <span className="form-markdown-hint">Markdown: **bold**, _italic_, [link](https://…). </span>
          )}
          {spec.hint}
        </p>
      )}
      <IssueList issues={issues} readOnly={readOnly} />
    </div>
  );
}

function Thumbnail({ url, label }: { url: string; label: string }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (!url || !isSafeImageUrl(url)) {
    return (
      <span className="form-thumb is-empty">{url ? 'Only http(s) and data:image URLs are shown' : 'No image'}</span>
    );
  }
  if (failed === url) return <span className="form-thumb is-empty">Could not load the image</span>;
  return (
    <img
      className="form-thumb"
      src={url}
      alt={`${label} preview`}
      referrerPolicy="no-referrer"
      loading="lazy"
      onError={() => setFailed(url)}
    />
  );
}

function ColorControl({
  id,
  value,
  describedBy,
  write,
  label,
}: {
  id: string;
  value: unknown;
  describedBy: string | undefined;
  write(next: unknown, typing?: boolean): void;
  label: string;
}) {
  const text = asString(value) ?? '';
  const hex = normaliseHexColor(text);
  return (
    <div className="form-color-row">
      <input
        type="color"
        className="form-color-swatch"
        aria-label={`${label}: pick a colour`}
        value={`#${hex ?? '000000'}`.toLowerCase()}
        onChange={(event) => write(event.target.value.slice(1).toUpperCase(), true)}
      />
      <Input
        id={id}
        value={text}
        placeholder="0076D7"
        aria-describedby={describedBy}
        contentBefore={<span aria-hidden>#</span>}
        onChange={(_e, data) => write(data.value, true)}
      />
    </div>
  );
}

function BodyControl({
  id,
  value,
  describedBy,
  write,
  inputIds,
  readOnly,
}: {
  id: string;
  value: string;
  describedBy: string | undefined;
  write(next: unknown, typing?: boolean): void;
  inputIds: readonly string[] | undefined;
  readOnly: boolean;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const insert = (inputId: string) => {
    const el = area.current;
    const placeholder = placeholderFor(inputId);
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    write(value.slice(0, start) + placeholder + value.slice(end));
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };
  return (
    <div className="form-body">
      <Textarea
        id={id}
        ref={area}
        resize="vertical"
        rows={4}
        value={value}
        className="form-code"
        aria-describedby={describedBy}
        onChange={(_e, data) => write(data.value, true)}
      />
      {inputIds === undefined ? (
        <p className="form-note">This HttpPOST is not inside an ActionCard, so it has no inputs to insert.</p>
      ) : (
        <Menu>
          <MenuTrigger>
            <Button size="small" icon={<TextBulletListAdd20Regular />} disabled={readOnly || inputIds.length === 0}>
              {inputIds.length === 0 ? 'No inputs to insert' : 'Insert input value'}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {inputIds.map((inputId) => (
                <MenuItem key={inputId} onClick={() => insert(inputId)}>
                  {placeholderFor(inputId)}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </div>
  );
}

function ChoiceDefault({
  id,
  element,
  value,
  describedBy,
  path,
  write,
}: {
  id: string;
  element: Record<string, unknown>;
  value: unknown;
  describedBy: string | undefined;
  path: JsonPath;
  write(next: unknown): void;
}) {
  const choices = (asArray(element.choices) ?? []).flatMap((raw) => {
    const choice = asObject(raw);
    const v = asString(choice?.value);
    return v === undefined ? [] : [{ value: v, display: asString(choice?.display) ?? v }];
  });
  const current = asString(value) ?? '';
  if (asBoolean(element.isMultiSelect)) {
    const picked = current === '' ? [] : current.split(',');
    const toggle = (v: string, on: boolean) => {
      const next = choices.map((c) => c.value).filter((c) => (c === v ? on : picked.includes(c)));
      if (next.length === 0) removeField(path);
      else write(next.join(','));
    };
    return (
      <div role="group" aria-label="Initial value" aria-describedby={describedBy} id={id} className="form-checks">
        {choices.length === 0 && <p className="form-note">Add choices first.</p>}
        {choices.map((c) => (
          <Checkbox
            key={c.value}
            label={`${c.display} (${c.value})`}
            checked={picked.includes(c.value)}
            onChange={(_e, data) => toggle(c.value, data.checked === true)}
          />
        ))}
      </div>
    );
  }
  const known = choices.some((c) => c.value === current);
  return (
    <Select
      id={id}
      value={current}
      aria-describedby={describedBy}
      onChange={(_e, data) => (data.value === '' ? removeField(path) : write(data.value))}
    >
      <option value="">(no default)</option>
      {!known && current !== '' && <option value={current}>{current} (not a choice)</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.display === c.value ? c.value : `${c.display} (${c.value})`}
        </option>
      ))}
    </Select>
  );
}

function StringList({
  id,
  label,
  value,
  path,
  describedBy,
}: {
  id: string;
  label: string;
  value: unknown;
  path: JsonPath;
  describedBy: string | undefined;
}) {
  const items = asArray(value);
  if (value !== undefined && value !== null && !items) {
    return (
      <p className="form-note" id={id}>
        This field should be a list; it holds {JSON.stringify(value)}. Remove it and add entries again.
      </p>
    );
  }
  const list = items ?? [];
  return (
    <div className="form-list" id={id} role="group" aria-label={label} aria-describedby={describedBy}>
      {list.map((item, index) => (
        <div className="form-list-row" key={index}>
          <Input
            aria-label={`${label} ${index + 1}`}
            value={asString(item) ?? ''}
            onChange={(_e, data) => setField([...path, index], data.value, { typing: true })}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<Delete16Regular />}
            aria-label={`Remove ${label} ${index + 1}`}
            onClick={() => removeField([...path, index])}
          />
        </div>
      ))}
      <Button
        size="small"
        icon={<Add16Regular />}
        onClick={() => setField([...path, list.length], list.length === 0 && value === undefined ? 'https://' : '')}
      >
        Add an entry
      </Button>
    </div>
  );
}

function JsonControl({
  id,
  value,
  describedBy,
  write,
}: {
  id: string;
  value: unknown;
  describedBy: string | undefined;
  write(next: unknown): void;
}) {
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [draft, setDraft] = useState<{ text: string; from: string } | undefined>(undefined);
  const text = draft && draft.from === shown ? draft.text : shown;
  let error: string | undefined;
  try {
    if (text.trim()) JSON.parse(text);
  } catch {
    error = 'Not valid JSON yet; the card changes once it is.';
  }
  return (
    <>
      <Textarea
        id={id}
        className="form-code"
        resize="vertical"
        rows={3}
        value={text}
        aria-describedby={describedBy}
        aria-invalid={error !== undefined}
        onChange={(_e, data) => {
          setDraft({ text: data.value, from: shown });
          try {
            const parsed: unknown = JSON.parse(data.value);
            write(parsed);
          } catch {
            // Keep the draft until it parses.
          }
        }}
      />
      {error && <p className="form-note">{error}</p>}
    </>
  );
}
