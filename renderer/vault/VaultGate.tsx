// The local cache stays locked until its key is unwrapped. With an OS keychain that happens
// without the user; with a passphrase key store (browser mode, Linux without a keychain)
// the user creates or enters the passphrase here before anything else is shown.
import { useEffect, useState, type ReactNode } from 'react';
import type { VaultStatus } from '../../common/ipc/channels/vault.js';
import { loopdesk } from '../ipc/client.js';
import { PassphraseForm } from './PassphraseForm.js';

export function VaultGate({ children }: { readonly children: ReactNode }) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const unsubscribe = loopdesk().subscribe('vault:status', setStatus);
    void loopdesk()
      .invoke('vault:status', {})
      .then((result) => {
        if (result.ok) setStatus(result.value);
        else setLoadError(result.error.message);
      });
    return unsubscribe;
  }, []);

  if (loadError !== null) {
    return (
      <main className="vault-screen" role="alert">
        <h1>Loopdesk</h1>
        <p>{loadError}</p>
      </main>
    );
  }
  if (status === null) return <main className="vault-screen" aria-busy="true" aria-label="Opening Loopdesk" />;
  switch (status.state) {
    case 'unlocked':
      return <>{children}</>;
    case 'needs_passphrase_setup':
      return <PassphraseForm mode="create" onDone={setStatus} />;
    case 'locked':
      return <PassphraseForm mode="unlock" onDone={setStatus} />;
  }
}
