/** What every control of a property form is given. */
export interface ControlProps {
  /** The id of the control, which the field's label points at. */
  id: string;
  /** The field's value as the card holds it (any JSON, or undefined when absent). */
  value: unknown;
  /** The id of the field's hint, when it has one. */
  describedBy: string | undefined;
  /** Writes a new value at the field's path; `typing` groups keystrokes into one undo step. */
  write(next: unknown, typing?: boolean): void;
}
