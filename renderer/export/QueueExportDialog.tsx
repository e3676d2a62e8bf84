// Export from the queue: the rows of the current filter (in the queue's order) or the
// selection, as CSV or XLSX, with the columns ticked here. Personal data — who the
// respondent is and how to reach them — is never ticked by default: each such column must be
// chosen on purpose, and the export then says so in the audit trail.
import { memo, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay, RadioGroup } from 'react-aria-components';
import {
  DEFAULT_EXPORT_COLUMNS,
  includesPersonalData,
  QUEUE_EXPORT_COLUMNS,
  type ExportFormat,
  type QueueExportColumnId,
} from '../../common/export/columns.js';
import { MAX_SELECTION_EXPORT } from '../../common/ipc/channels/export.js';
import type { QueueQuery } from '../../common/queue/query.js';
import { CheckOption, RadioOption } from '../queue/controls.js';
import { ExportProgressDialog } from './ExportProgressDialog.js';
import { useExportRunner } from './useExportRunner.js';
import './export.css';

const count = new Intl.NumberFormat();

const GROUPS = [
  ['response', 'Response'],
  ['followup', 'Follow-up'],
] as const;

export const QueueExportDialog = memo(function QueueExportDialog({
  query,
  total,
  selected,
}: {
  readonly query: QueueQuery;
  /** Rows the filter matches; null while counting. */
  readonly total: number | null;
  readonly selected: ReadonlySet<string>;
}) {
  const runner = useExportRunner();
  const [scope, setScope] = useState<'queue' | 'selection'>('queue');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [columns, setColumns] = useState<readonly QueueExportColumnId[]>(DEFAULT_EXPORT_COLUMNS);
  const selection = [...selected];
  const useSelection = scope === 'selection' && selection.length > 0;
  const personal = includesPersonalData(columns);
  const toggle = (id: QueueExportColumnId, on: boolean): void => {
    // Keeps the catalogue's order, whatever the order of the clicks.
    setColumns((old) => QUEUE_EXPORT_COLUMNS.map((c) => c.id).filter((c) => (c === id ? on : old.includes(c))));
  };
  const column = (c: (typeof QUEUE_EXPORT_COLUMNS)[number]) => (
    <CheckOption
      key={c.id}
      isSelected={columns.includes(c.id)}
      onChange={(on) => {
        toggle(c.id, on);
      }}
    >
      {c.label}
    </CheckOption>
  );
  return (
    <>
      <DialogTrigger>
        <Button className="button">Export…</Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal export-dialog">
            <Dialog aria-labelledby="export-title">
              {({ close }) => (
                <div className="export-form">
                  <Heading slot="title" id="export-title">
                    Export responses
                  </Heading>
                  <RadioGroup
                    aria-label="Rows"
                    className="radio-list"
                    value={useSelection ? 'selection' : 'queue'}
                    onChange={(value) => {
                      setScope(value === 'selection' ? 'selection' : 'queue');
                    }}
                  >
                    <RadioOption value="queue">
                      The current filter ({total === null ? 'counting…' : `${count.format(total)} rows`})
                    </RadioOption>
                    {selection.length > 0 && (
                      <RadioOption value="selection">The selection ({count.format(selection.length)} rows)</RadioOption>
                    )}
                  </RadioGroup>
                  <RadioGroup
                    aria-label="Format"
                    className="radio-list radio-inline"
                    value={format}
                    onChange={(value) => {
                      setFormat(value === 'xlsx' ? 'xlsx' : 'csv');
                    }}
                  >
                    <RadioOption value="csv">CSV</RadioOption>
                    <RadioOption value="xlsx">Excel (XLSX)</RadioOption>
                  </RadioGroup>
                  <div className="export-columns">
                    {GROUPS.map(([group, label]) => (
                      <fieldset key={group} className="column-group">
                        <legend>{label}</legend>
                        {QUEUE_EXPORT_COLUMNS.filter((c) => c.group === group).map(column)}
                      </fieldset>
                    ))}
                    <fieldset className="column-group personal-group">
                      <legend>Personal data (respondent)</legend>
                      <p className="muted">
                        Included only if you tick them. Exports of personal data are recorded, with your name, in the
                        audit trail.
                      </p>
                      {QUEUE_EXPORT_COLUMNS.filter((c) => c.personal).map(column)}
                    </fieldset>
                  </div>
                  <p className="muted">
                    Comments, notes and the contact log are free text and may mention people. Every export is recorded
                    in the audit trail (who, when, which filter, which columns).
                  </p>
                  {scope === 'selection' && selection.length > MAX_SELECTION_EXPORT && (
                    <p role="alert">Select at most {count.format(MAX_SELECTION_EXPORT)} rows, or export the filter.</p>
                  )}
                  <div className="dialog-actions">
                    <Button className="button" onPress={close}>
                      Cancel
                    </Button>
                    <Button
                      className="button button-primary"
                      isDisabled={columns.length === 0 || (useSelection && selection.length > MAX_SELECTION_EXPORT)}
                      onPress={() => {
                        close();
                        void runner.run({
                          source: useSelection ? { kind: 'selection', ids: selection } : { kind: 'queue', query },
                          format,
                          columns: [...columns],
                          personalData: personal,
                        });
                      }}
                    >
                      {personal ? 'Export with personal data' : 'Export'}
                    </Button>
                  </div>
                </div>
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
      <ExportProgressDialog runner={runner} />
    </>
  );
});
