// A customer's comment as text: search hits in <mark>, links as buttons that ask first and
// never open by themselves. Nothing in a comment is ever parsed as markup.
import { useMemo, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { textSegments } from '../../common/queue/text-segments.js';
import { loopdesk } from '../ipc/client.js';

export function CommentText({
  text,
  search,
  linkable = false,
}: {
  readonly text: string;
  readonly search: string;
  /** In the table, links stay text; in the detail pane they can be opened after asking. */
  readonly linkable?: boolean;
}) {
  const segments = useMemo(() => textSegments(text, search), [text, search]);
  const [pending, setPending] = useState<string | null>(null);
  return (
    <>
      {segments.map((segment, i) => {
        switch (segment.kind) {
          case 'text':
            return <span key={i}>{segment.text}</span>;
          case 'hit':
            return <mark key={i}>{segment.text}</mark>;
          case 'link':
            return linkable ? (
              <Button
                key={i}
                className="comment-link"
                aria-label={`Link: ${segment.url} (asks before opening)`}
                onPress={() => {
                  setPending(segment.url);
                }}
              >
                {segment.text}
              </Button>
            ) : (
              <span key={i} className="comment-link-text">
                {segment.text}
              </span>
            );
        }
      })}
      {pending !== null && (
        <OpenLinkDialog
          url={pending}
          onClose={() => {
            setPending(null);
          }}
        />
      )}
    </>
  );
}

async function openExternal(url: string): Promise<void> {
  const result = await loopdesk().invoke('app:open-external', { url });
  // Browser mode has no system browser to hand the link to: the page opens it, isolated.
  if (!result.ok || !result.value.opened) window.open(url, '_blank', 'noopener,noreferrer');
}

function OpenLinkDialog({ url, onClose }: { readonly url: string; readonly onClose: () => void }) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal modal-narrow">
        <Dialog role="alertdialog" aria-labelledby="open-link-title">
          <Heading slot="title" id="open-link-title">
            Open this link?
          </Heading>
          <p>A customer wrote this link. Open it only if you trust where it goes:</p>
          <p className="link-preview">{url}</p>
          <div className="dialog-actions">
            <Button className="button" onPress={onClose} autoFocus>
              Cancel
            </Button>
            <Button
              className="button button-primary"
              onPress={() => {
                onClose();
                void openExternal(url);
              }}
            >
              Open in browser
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
