// Picks tags from a list and creates new ones on the fly: type to filter, Enter on the text
// toggles the tag it names or creates it, Space toggles a checkbox. Used for root causes
// (mark done) and the follow-up's own tags.
import { useState } from 'react';
import { Button, CheckboxGroup, Input, Label, Text, TextField } from 'react-aria-components';

import { CheckOption } from '../queue/controls.js';

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Tags are short labels: trimmed, inner spaces kept, at most 64 characters (the contract's limit). */
export function normalizeTag(text: string): string {
  return text.trim().replace(/\s+/g, ' ').slice(0, 64);
}

export function TagPicker({
  label,
  findLabel,
  options,
  selected,
  onChange,
  autoFocus = false,
  isInvalid = false,
  description,
}: {
  readonly label: string;
  /** The text field's label: "Find or create a root cause". */
  readonly findLabel: string;
  readonly options: readonly string[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly autoFocus?: boolean;
  readonly isInvalid?: boolean;
  readonly description?: string;
}) {
  const [text, setText] = useState('');
  const typed = normalizeTag(text);
  const all = [...new Set([...options, ...selected])].sort(byName.compare);
  const shown = typed === '' ? all : all.filter((tag) => tag.toLowerCase().includes(typed.toLowerCase()));
  const exact = all.find((tag) => tag.toLowerCase() === typed.toLowerCase());

  const toggleOrCreate = (): void => {
    if (typed === '') return;
    const tag = exact ?? typed;
    onChange(selected.includes(tag) ? selected.filter((t) => t !== tag) : [...selected, tag]);
    setText('');
  };

  return (
    <div className="tag-picker">
      <TextField className="field" value={text} onChange={setText} autoFocus={autoFocus}>
        <Label>{findLabel}</Label>
        <Input
          placeholder="Type to filter or create"
          onKeyDown={(event) => {
            // Enter here means "this tag", not "save the dialog" (Ctrl+Enter still saves).
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && typed !== '') {
              event.preventDefault();
              toggleOrCreate();
            }
          }}
        />
      </TextField>
      <CheckboxGroup className="tag-picker-group" value={[...selected]} onChange={onChange} isInvalid={isInvalid}>
        <Label className="tag-picker-label">{label}</Label>
        <div className="tag-picker-options">
          {shown.map((tag) => (
            <CheckOption key={tag} value={tag}>
              <span className="facet-label">{tag}</span>
            </CheckOption>
          ))}
          {shown.length === 0 && typed === '' && <p className="muted">None yet: type one above.</p>}
        </div>
        {description !== undefined && (
          <Text slot="description" className="hint">
            {description}
          </Text>
        )}
      </CheckboxGroup>
      {typed !== '' && exact === undefined && (
        <Button className="button button-quiet" onPress={toggleOrCreate}>
          Create “{typed}”
        </Button>
      )}
    </div>
  );
}
