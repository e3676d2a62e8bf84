// The "?" cheat sheet: every shortcut of the keymap, by group.
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { KEY_GROUPS, KEYMAP, keyLabel } from './keymap.js';
import './keyboard.css';

export function CheatSheet({
  isOpen,
  onOpenChange,
}: {
  readonly isOpen: boolean;
  readonly onOpenChange: (open: boolean) => void;
}) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className="modal cheat-sheet">
        <Dialog aria-labelledby="cheat-sheet-title">
          {({ close }) => (
            <>
              <header className="modal-header">
                <Heading slot="title" id="cheat-sheet-title">
                  Keyboard shortcuts
                </Heading>
                <Button className="button" onPress={close}>
                  Close
                </Button>
              </header>
              <div className="cheat-sheet-groups">
                {KEY_GROUPS.map((group) => (
                  <section key={group} aria-labelledby={`keys-${group}`}>
                    <h3 id={`keys-${group}`}>{group}</h3>
                    <dl className="cheat-sheet-list">
                      {KEYMAP.filter((b) => b.group === group).map((binding) => (
                        <div key={binding.id} className="cheat-sheet-row">
                          <dt>
                            {binding.keys.map((key) => (
                              <kbd key={key}>{keyLabel(key)}</kbd>
                            ))}
                          </dt>
                          <dd>{binding.label}</dd>
                        </div>
                      ))}
                    </dl>
                  </section>
                ))}
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
