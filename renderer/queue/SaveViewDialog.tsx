// Saving the query on screen as a view (a new one, or over the user's own view in use), and
// deleting the user's own view.
import { memo, useState } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  FieldError,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import type { SavedView } from '../../common/queue/views.js';
import { deleteView, saveView } from './queue-store.js';

export const SaveViewDialog = memo(function SaveViewDialog({ current }: { readonly current: SavedView | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const ownView = current !== undefined && !current.builtIn ? current : undefined;
  return (
    <DialogTrigger
      onOpenChange={() => {
        setError(null);
      }}
    >
      <Button className="button">Save view</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal-narrow">
          <Dialog aria-labelledby="save-view-title">
            {({ close }) => (
              <Form
                className="vault-form"
                validationErrors={error === null ? {} : { name: error }}
                onSubmit={(event) => {
                  event.preventDefault();
                  const name = new FormData(event.currentTarget).get('name');
                  const replace = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'replace';
                  saveView(
                    replace && ownView !== undefined ? ownView.id : null,
                    typeof name === 'string' ? name : '',
                  ).then(close, (e: unknown) => {
                    setError(e instanceof Error ? e.message : String(e));
                  });
                }}
              >
                <Heading slot="title" id="save-view-title">
                  Save view
                </Heading>
                <TextField
                  name="name"
                  isRequired
                  maxLength={80}
                  defaultValue={ownView?.name ?? ''}
                  autoFocus
                  className="field"
                >
                  <Label>Name</Label>
                  <Input />
                  <FieldError />
                </TextField>
                <p className="muted">Saves the filters, the search and the sort on screen.</p>
                <div className="dialog-actions">
                  <Button className="button" onPress={close}>
                    Cancel
                  </Button>
                  {ownView !== undefined && (
                    <Button className="button" type="submit" value="replace">
                      Update “{ownView.name}”
                    </Button>
                  )}
                  <Button className="button button-primary" type="submit" value="new">
                    Save as new view
                  </Button>
                </div>
              </Form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
});

/** Deletes the user's own view in use, after asking. */
export const DeleteViewButton = memo(function DeleteViewButton({ view }: { readonly view: SavedView }) {
  return (
    <DialogTrigger>
      <Button className="button button-quiet">Delete view</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal-narrow">
          <Dialog role="alertdialog" aria-labelledby="delete-view-title">
            {({ close }) => (
              <>
                <Heading slot="title" id="delete-view-title">
                  Delete “{view.name}”?
                </Heading>
                <p>The view goes; the responses it lists stay in the queue.</p>
                <div className="dialog-actions">
                  <Button className="button" onPress={close} autoFocus>
                    Cancel
                  </Button>
                  <Button
                    className="button button-primary"
                    onPress={() => {
                      void deleteView(view.id).finally(close);
                    }}
                  >
                    Delete
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
});
