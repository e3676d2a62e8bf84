import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { NoBridgeError, loopdesk } from './ipc/client.js';
import { VaultGate } from './vault/VaultGate.js';
import './styles/theme.css';
import './styles/app.css';

const root = createRoot(document.getElementById('root') ?? document.body);

try {
  loopdesk();
  root.render(
    <StrictMode>
      <VaultGate>
        <App />
      </VaultGate>
    </StrictMode>,
  );
} catch (error) {
  const message = error instanceof NoBridgeError ? error.message : 'Loopdesk could not start.';
  root.render(
    <main className="fatal" role="alert">
      <h1>Loopdesk</h1>
      <p>{message}</p>
    </main>,
  );
}
