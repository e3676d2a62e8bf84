import { useState, type SyntheticEvent } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { MIN_PASSPHRASE_LENGTH, type VaultStatus } from '../../common/ipc/channels/vault.js';
import { loopdesk } from '../ipc/client.js';

interface Props {
  readonly mode: 'create' | 'unlock';
  readonly onDone: (status: VaultStatus) => void;
}

export function PassphraseForm({ mode, onDone }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (mode === 'create' && passphrase !== repeat) {
      setError('The two passphrases differ.');
      return;
    }
    setBusy(true);
    setError(null);
    const channel = mode === 'create' ? 'vault:create' : 'vault:unlock';
    void loopdesk()
      .invoke(channel, { passphrase })
      .then((result) => {
        setBusy(false);
        if (result.ok) onDone(result.value);
        else setError(result.error.message);
      });
  };

  return (
    <main className="vault-screen">
      <div className="vault-card">
        <span className="brand-mark brand-mark-large" aria-hidden="true" />
        <h1>{mode === 'create' ? 'Protect your local data' : 'Unlock Loopdesk'}</h1>
        <p className="vault-help">
          {mode === 'create'
            ? 'Loopdesk keeps an encrypted copy of your team’s feedback on this computer. Choose a passphrase to protect it; you will need it each time Loopdesk starts.'
            : 'Enter the passphrase that protects Loopdesk’s encrypted data on this computer.'}
        </p>
        <Form onSubmit={submit} className="vault-form">
          <TextField
            type="password"
            value={passphrase}
            onChange={setPassphrase}
            isRequired
            minLength={mode === 'create' ? MIN_PASSPHRASE_LENGTH : 1}
            autoFocus
            className="field"
          >
            <Label>Passphrase</Label>
            <Input autoComplete={mode === 'create' ? 'new-password' : 'current-password'} />
            <FieldError />
          </TextField>
          {mode === 'create' && (
            <TextField type="password" value={repeat} onChange={setRepeat} isRequired className="field">
              <Label>Repeat passphrase</Label>
              <Input autoComplete="new-password" />
              <FieldError />
            </TextField>
          )}
          {error !== null && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <Button type="submit" className="button button-primary" isDisabled={busy}>
            {busy ? 'Opening…' : mode === 'create' ? 'Create encrypted cache' : 'Unlock'}
          </Button>
        </Form>
      </div>
    </main>
  );
}
