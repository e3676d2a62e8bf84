// The progress of an export: rows written of the total, a Cancel button while it runs, and
// where the file went once it is done.
import { Button, Dialog, Heading, Modal, ModalOverlay, ProgressBar } from 'react-aria-components';
import type { ExportRunner } from './useExportRunner.js';

const count = new Intl.NumberFormat();

export function ExportProgressDialog({ runner }: { readonly runner: ExportRunner }) {
  const { state } = runner;
  if (state.phase === 'idle') return null;
  const running = state.phase === 'running' || state.phase === 'cancelling';
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable={!running}
      onOpenChange={(open) => {
        if (!open) runner.reset();
      }}
    >
      <Modal className="modal modal-narrow">
        <Dialog aria-labelledby="export-progress-title" className="export-progress">
          <Heading slot="title" id="export-progress-title">
            {running
              ? 'Exporting…'
              : state.phase === 'done'
                ? 'Export complete'
                : state.phase === 'cancelled'
                  ? 'Export cancelled'
                  : 'Export failed'}
          </Heading>
          {running && (
            <>
              <p className="muted">{state.fileName}</p>
              <ProgressBar
                className="progress"
                aria-label="Rows exported"
                value={state.rows}
                maxValue={Math.max(1, state.total)}
                valueLabel={`${count.format(state.rows)} of ${count.format(state.total)} rows`}
              >
                {({ percentage, valueText }) => (
                  <>
                    <div className="progress-track">
                      <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
                    </div>
                    <span className="progress-text">{valueText}</span>
                  </>
                )}
              </ProgressBar>
            </>
          )}
          {state.phase === 'done' && (
            <p role="status">
              {count.format(state.rows)} rows in {state.fileName}
              {state.delivery === 'download' ? ', saved to your downloads.' : '.'} The export is recorded in the audit
              trail.
            </p>
          )}
          {state.phase === 'cancelled' && <p role="status">Nothing was saved and nothing was recorded.</p>}
          {state.phase === 'failed' && <p role="alert">{state.message}</p>}
          <div className="dialog-actions">
            {running ? (
              <Button className="button" onPress={runner.cancel} isDisabled={state.phase === 'cancelling'}>
                {state.phase === 'cancelling' ? 'Cancelling…' : 'Cancel export'}
              </Button>
            ) : (
              <Button className="button button-primary" onPress={runner.reset} autoFocus>
                Close
              </Button>
            )}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
