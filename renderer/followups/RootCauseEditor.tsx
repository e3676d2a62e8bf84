// The managed list of root causes offered when a follow-up is marked done: those the team has
// used (they arrive with synced follow-ups), plus those added here or on the fly, minus those
// removed here. Removing one only takes it off the list; follow-ups keep their causes.
import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { call } from '../ipc/client.js';
import { normalizeTag } from './TagPicker.js';

export function RootCauseEditor() {
  const [causes, setCauses] = useState<readonly string[] | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('followups:context', {}).then(
      (context) => {
        setCauses(context.rootCauses);
      },
      () => {
        setCauses([]);
      },
    );
  }, []);

  const edit = (add: string[], remove: string[]): void => {
    call('followups:edit-root-causes', { add, remove }).then(
      ({ rootCauses }) => {
        setCauses(rootCauses);
        setError(null);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  return (
    <section className="card" aria-labelledby="root-causes-title">
      <h2 id="root-causes-title">Root causes</h2>
      <p className="hint">Offered when a follow-up is marked done. New ones can also be created there.</p>
      <Form
        className="root-cause-add"
        onSubmit={(event) => {
          event.preventDefault();
          const tag = normalizeTag(text);
          if (tag === '') return;
          edit([tag], []);
          setText('');
        }}
      >
        <TextField className="field" value={text} onChange={setText}>
          <Label>New root cause</Label>
          <Input placeholder="e.g. billing-error" />
        </TextField>
        <Button type="submit" className="button">
          Add
        </Button>
      </Form>
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {causes === null ? (
        <p aria-busy="true">Loading…</p>
      ) : causes.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="root-cause-list">
          {causes.map((cause) => (
            <li key={cause}>
              <span>{cause}</span>
              <Button
                className="button button-quiet button-compact"
                aria-label={`Remove ${cause}`}
                onPress={() => {
                  edit([], [cause]);
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
