// The one place follow-up dialogs are shown (mounted once by the app). The modal opens at
// once (keys typed meanwhile must not act as shortcuts) while it loads what the dialog needs —
// the follow-ups it acts on, the staff directory, root causes, tags; a failure to load becomes
// an error toast.
import { useEffect, useState } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import type { FollowupsContext, FollowupTarget } from '../../common/ipc/channels/followups.js';
import { call } from '../ipc/client.js';
import { AssignDialog } from './AssignDialog.js';
import { ContactDialog } from './ContactDialog.js';
import { closeFollowupDialog, useOpenDialog, type OpenDialog } from './dialog-store.js';
import { DoneDialog } from './DoneDialog.js';
import { NoteDialog } from './NoteDialog.js';
import { StatusDialog } from './StatusDialog.js';
import { TagsDialog } from './TagsDialog.js';
import { showToast } from './toast-store.js';
import './followups.css';

interface Loaded {
  readonly context: FollowupsContext;
  readonly targets: readonly FollowupTarget[];
  /** The note's current text, when editing one. */
  readonly noteText: string | null;
}

function useDialogData(open: OpenDialog): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    const noteId = open.command === 'editNote' ? open.noteId : null;
    const [first] = open.responseIds;
    Promise.all([
      call('followups:context', {}),
      call('followups:targets', { responseIds: [...open.responseIds] }),
      noteId === null ? null : call('followups:record', { responseId: first }),
    ]).then(
      ([context, { targets }, record]) => {
        if (!live) return;
        if (targets.length === 0) {
          showToast({ title: 'That response is no longer in the local cache.', body: null, tone: 'warning' });
          closeFollowupDialog();
          return;
        }
        setLoaded({ context, targets, noteText: record?.notes.find((n) => n.id === noteId)?.text ?? null });
      },
      (error: unknown) => {
        if (!live) return;
        showToast({
          title: 'The follow-up could not be opened',
          body: error instanceof Error ? error.message : String(error),
          tone: 'warning',
        });
        closeFollowupDialog();
      },
    );
    return () => {
      live = false;
    };
  }, [open]);
  return loaded;
}

/** Shown for the moment the dialog's data takes to load: the modal has the focus at once, so keys typed meanwhile are not taken as shortcuts. */
function Loading() {
  return (
    <Dialog aria-label="Loading the follow-up" className="followup-loading">
      <p aria-busy="true">Loading…</p>
    </Dialog>
  );
}

function Content({ open }: { readonly open: OpenDialog }) {
  const loaded = useDialogData(open);
  if (loaded === null) return <Loading />;
  const { context, targets } = loaded;
  const [target] = targets;
  if (target === undefined) return <Loading />;
  const props = { target, context, onClose: closeFollowupDialog };
  switch (open.command) {
    case 'assign':
      return (
        <AssignDialog targets={targets} context={context} onClose={closeFollowupDialog} onApplied={open.onApplied} />
      );
    case 'status':
      return <StatusDialog {...props} />;
    case 'contact':
      return <ContactDialog {...props} />;
    case 'done':
      return <DoneDialog {...props} />;
    case 'tag':
      return <TagsDialog {...props} />;
    case 'note':
      return <NoteDialog target={target} editing={null} onClose={closeFollowupDialog} />;
    case 'editNote':
      return (
        <NoteDialog
          target={target}
          editing={{ id: open.noteId, text: loaded.noteText ?? '' }}
          onClose={closeFollowupDialog}
        />
      );
  }
}

export function FollowupDialogs() {
  const open = useOpenDialog();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={open !== null}
      isDismissable
      onOpenChange={(isOpen) => {
        if (!isOpen) closeFollowupDialog();
      }}
    >
      <Modal className="modal followup-dialog">
        {/* A new key per opening: every dialog starts from fresh state. */}
        {open !== null && <Content key={JSON.stringify(open)} open={open} />}
      </Modal>
    </ModalOverlay>
  );
}
