// Settings → Data source: who this install acts as, and where it syncs from. Demo mode is
// the default; connecting to a real API checks the token before anything is switched.
import { useEffect, useState, type SyntheticEvent } from 'react';
import {
  Button,
  FieldError,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  TextField,
} from 'react-aria-components';
import type { SessionStatus } from '../../common/ipc/channels/session.js';
import { loopdesk } from '../ipc/client.js';

function useSessionStatus(): SessionStatus | null {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  useEffect(() => {
    const unsubscribe = loopdesk().subscribe('session:status', setStatus);
    void loopdesk()
      .invoke('session:status', {})
      .then((result) => {
        if (result.ok) setStatus(result.value);
      });
    return unsubscribe;
  }, []);
  return status;
}

const ROLE_LABELS = { agent: 'Agent', manager: 'Manager' } as const;

export function ConnectionSection() {
  const status = useSessionStatus();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');

  const run = (action: () => Promise<{ ok: boolean; error?: { message: string } }>): void => {
    setBusy(true);
    setError(null);
    void action().then((result) => {
      setBusy(false);
      if (!result.ok) setError(result.error?.message ?? 'That did not work.');
    });
  };

  const connect = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    run(async () => {
      const result = await loopdesk().invoke('session:connect-api', { baseUrl, token });
      if (result.ok) setToken('');
      return result;
    });
  };

  return (
    <section className="card" aria-labelledby="settings-source">
      <h2 id="settings-source">Data source</h2>
      {status === null ? (
        <p>Loading…</p>
      ) : (
        <dl className="facts">
          <dt>Source</dt>
          <dd>
            {status.source === 'demo' && <span className="badge badge-demo">Demo data</span>}
            {status.source === 'api' && status.baseUrl}
            {status.source === null && 'Locked'}
            {status.state === 'starting' && ' (starting…)'}
          </dd>
          <dt>Signed in as</dt>
          <dd>{status.me === null ? '—' : `${status.me.name} (${ROLE_LABELS[status.me.role]})`}</dd>
        </dl>
      )}
      {status?.state === 'error' && status.message !== null && (
        <p role="alert" className="form-error">
          {status.message}
        </p>
      )}

      {status?.source === 'demo' && status.demoStaff.length > 0 && (
        <Select
          className="field field-inline"
          value={status.me?.id ?? null}
          onChange={(key) => {
            if (typeof key === 'string' && key !== status.me?.id) {
              run(() => loopdesk().invoke('session:use-demo', { staffId: key }));
            }
          }}
          isDisabled={busy}
        >
          <Label>Demo: sign in as</Label>
          <Button className="button select-button">
            <SelectValue />
            <span aria-hidden="true">▾</span>
          </Button>
          <Popover className="popover">
            <ListBox className="listbox">
              {status.demoStaff.map((person) => (
                <ListBoxItem key={person.id} id={person.id} className="listbox-item" textValue={person.name}>
                  {person.name} · {ROLE_LABELS[person.role]}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
      )}

      <h3 className="subheading">Connect to your team’s ingestion API</h3>
      <Form className="vault-form" onSubmit={connect}>
        <TextField className="field" type="url" value={baseUrl} onChange={setBaseUrl} isRequired>
          <Label>API address</Label>
          <Input placeholder="https://feedback.example.com" />
          <FieldError />
        </TextField>
        <TextField className="field" type="password" value={token} onChange={setToken} isRequired minLength={16}>
          <Label>Access token</Label>
          <Input autoComplete="off" />
          <FieldError />
        </TextField>
        <div className="form-actions">
          <Button type="submit" className="button button-primary" isDisabled={busy}>
            {busy ? 'Checking…' : 'Connect'}
          </Button>
          {status?.source === 'api' && (
            <Button
              className="button"
              isDisabled={busy}
              onPress={() => {
                run(() => loopdesk().invoke('session:use-demo', { staffId: null }));
              }}
            >
              Back to demo data
            </Button>
          )}
        </div>
      </Form>
      <p className="hint">
        Switching to another server replaces the local copy of the data; changes not yet sent to the current server are
        discarded.
      </p>
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
