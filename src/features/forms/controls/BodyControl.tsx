import { useRef } from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Textarea } from '@fluentui/react-components';
import { TextBulletListAdd20Regular } from '@fluentui/react-icons';
import { placeholderFor } from '../../../card/formFields.ts';

/** An HttpPOST body, with a menu that inserts the `{{id.value}}` of an input of its ActionCard at the cursor. */
export function BodyControl({
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
