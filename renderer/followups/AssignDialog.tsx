// a — assign the follow-up(s) to me or a colleague from the staff directory; with an
// x-selection in the queue, all of them at once. Type to filter, arrows to move, Enter
// assigns to the highlighted person (the first one listed — me, unfiltered — by default).
import { useState } from 'react';
import { Autocomplete, Input, Label, ListBox, ListBoxItem, TextField, useFilter, Button } from 'react-aria-components';
import type { Staff } from '../../common/api/records.js';
import type { FollowupsContext, FollowupTarget } from '../../common/ipc/channels/followups.js';
import { DialogFrame } from './DialogFrame.js';
import { TargetSummary } from './describe-target.js';
import { useSubmit } from './use-submit.js';

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Me first, then colleagues by name; people who left cannot be given work. */
function candidates(context: FollowupsContext): Staff[] {
  const active = context.staff.filter((s) => s.active);
  return [
    ...active.filter((s) => s.id === context.me?.id),
    ...active.filter((s) => s.id !== context.me?.id).sort((a, b) => byName.compare(a.name, b.name)),
  ];
}

export function AssignDialog({
  targets,
  context,
  onClose,
  onApplied,
}: {
  readonly targets: readonly FollowupTarget[];
  readonly context: FollowupsContext;
  readonly onClose: () => void;
  readonly onApplied?: () => void;
}) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const { busy, error, run } = useSubmit(onClose, onApplied);
  const [text, setText] = useState('');
  const people = candidates(context);
  const [only] = targets;
  const current = targets.length === 1 ? (only?.assigneeId ?? null) : null;
  const assigned = targets.filter((t) => t.assigneeId !== null);

  const assignTo = (person: Staff): void => {
    const who = person.id === context.me?.id ? 'you' : person.name;
    run(
      targets.map((t) => ({ name: 'assign', args: { response_id: t.responseId, assignee_id: person.id } })),
      targets.length === 1 ? `Assigned to ${who}` : `Assigned ${targets.length} follow-ups to ${who}`,
    );
  };

  return (
    <DialogFrame
      title={targets.length === 1 ? 'Assign' : `Assign ${targets.length} follow-ups`}
      about={<TargetSummary targets={targets} />}
      submitLabel={null}
      busy={busy}
      error={error}
      onSubmit={() => undefined}
      onClose={onClose}
    >
      <Autocomplete filter={contains} inputValue={text} onInputChange={setText}>
        <TextField className="field" autoFocus aria-describedby="assign-help">
          <Label>Assign to</Label>
          <Input
            placeholder="Type a name"
            onKeyDown={(event) => {
              // Nobody highlighted yet: Enter takes the first person listed (me, unfiltered).
              if (event.key !== 'Enter' || event.currentTarget.getAttribute('aria-activedescendant')) return;
              const first = people.find((p) => contains(p.name, text.trim()));
              if (first !== undefined && !busy) assignTo(first);
            }}
          />
        </TextField>
        <p id="assign-help" className="hint">
          Enter assigns to the first person listed; ↑ ↓ choose another.
        </p>
        <ListBox
          aria-label="Staff"
          className="listbox followup-people"
          items={people}
          onAction={(key) => {
            const person = people.find((p) => p.id === key);
            if (person !== undefined && !busy) assignTo(person);
          }}
          renderEmptyState={() => <p className="muted">Nobody by that name.</p>}
        >
          {(person) => (
            <ListBoxItem id={person.id} textValue={person.name} className="listbox-item followup-person">
              <span>{person.id === context.me?.id ? `Me (${person.name})` : person.name}</span>
              <span className="muted">
                {person.role === 'manager' ? 'Manager' : 'Agent'}
                {person.id === current ? ' · assigned now' : ''}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Autocomplete>
      {assigned.length > 0 && (
        <Button
          className="button button-quiet followup-unassign"
          isDisabled={busy}
          onPress={() => {
            run(
              assigned.map((t) => ({ name: 'unassign', args: { response_id: t.responseId } })),
              assigned.length === 1 ? 'Unassigned' : `Unassigned ${assigned.length} follow-ups`,
            );
          }}
        >
          Unassign
        </Button>
      )}
    </DialogFrame>
  );
}
