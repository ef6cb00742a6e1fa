import { beforeEach, describe, expect, it } from 'vitest';
import { createDesignerStore, type DesignerStore } from '../../store/designerStore.ts';
import {
  addElement,
  applyFix,
  deleteElement,
  duplicateElement,
  moveElement,
  removeField,
  setField,
} from './commands.ts';

/** A card written by hand: odd spacing, an unknown field, facts on one line. */
const CARD = `{
  "summary": "Hello",
  "x-custom":   { "keep": [1, 2] },
  "sections": [
    { "title": "One", "facts": [ { "name": "A", "value": "1" }, { "name": "B", "value": "2" } ] },
    { "title": "Two" }
  ]
}`;

const steps = () => designerStore.getState().history.past.length;
const card = () => JSON.parse(designerStore.getState().text);

let designerStore: DesignerStore;

beforeEach(() => {
  designerStore = createDesignerStore({ text: CARD });
});

describe('form commands', () => {
  it('write a field as one undo step and leave every other byte alone', () => {
    const before = steps();
    setField(designerStore, ['sections', 1, 'title'], 'Second');
    expect(steps()).toBe(before + 1);
    expect(designerStore.getState().text).toBe(CARD.replace('"title": "Two"', '"title": "Second"'));
    designerStore.getState().undo();
    expect(designerStore.getState().text).toBe(CARD);
  });

  it('remove the key of a removed field, not just its value', () => {
    removeField(designerStore, ['summary']);
    expect(card()).not.toHaveProperty('summary');
    expect(designerStore.getState().text).toContain('"x-custom":   { "keep": [1, 2] }');
  });

  it('add an element at the end of its list, select it and make one step', () => {
    const before = steps();
    const path = addElement(designerStore, ['sections', 0], 'facts', 'fact');
    expect(path).toEqual(['sections', 0, 'facts', 2]);
    expect(card().sections[0].facts[2]).toEqual({ name: 'Name', value: 'Value' });
    expect(designerStore.getState().selection).toEqual({ path, origin: 'form' });
    expect(steps()).toBe(before + 1);
  });

  it('create a missing list when adding to it', () => {
    expect(addElement(designerStore, ['sections', 1], 'potentialAction', 'action', 'OpenUri')).toEqual([
      'sections',
      1,
      'potentialAction',
      0,
    ]);
    expect(card().sections[1].potentialAction[0]['@type']).toBe('OpenUri');
  });

  it('duplicate after the original and delete with the selection moving to a neighbour', () => {
    duplicateElement(designerStore, ['sections', 0, 'facts', 0]);
    expect(card().sections[0].facts.map((f: { name: string }) => f.name)).toEqual(['A', 'A', 'B']);
    deleteElement(designerStore, ['sections', 0, 'facts', 2]);
    expect(card().sections[0].facts).toHaveLength(2);
    expect(designerStore.getState().selection?.path).toEqual(['sections', 0, 'facts', 1]);
  });

  it('move a fact into another section in one step', () => {
    const before = steps();
    moveElement(designerStore, { from: ['sections', 0, 'facts', 1], to: ['sections', 1, 'facts', 0] });
    expect(card().sections[1].facts).toEqual([{ name: 'B', value: '2' }]);
    expect(steps()).toBe(before + 1);
    expect(designerStore.getState().selection?.path).toEqual(['sections', 1, 'facts', 0]);
  });

  it('apply a rename quick fix to the key only', () => {
    designerStore.getState().setText(CARD.replace('"sections"', '"Sections"'), 'command', 'command');
    applyFix(designerStore, { title: 'Rename to sections', path: ['Sections'], renameTo: 'sections' });
    expect(designerStore.getState().text).toBe(CARD);
  });

  it('change nothing while the text does not parse', () => {
    designerStore.getState().setText('{ "summary": ', 'typing', 'editor');
    const before = steps();
    setField(designerStore, ['summary'], 'x');
    addElement(designerStore, [], 'sections', 'section');
    expect(designerStore.getState().text).toBe('{ "summary": ');
    expect(steps()).toBe(before);
  });
});
