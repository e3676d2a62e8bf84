// Columns: show or hide each one and change the order from the keyboard (dragging a header
// does the same with the mouse); widths are changed on the headers. All of it is remembered.
import { memo } from 'react';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { COLUMN_LABELS, DEFAULT_LAYOUT, type QueueColumnId, type QueueLayout } from '../../common/queue/columns.js';
import { CheckOption } from './controls.js';

function moved(order: readonly QueueColumnId[], index: number, by: -1 | 1): QueueColumnId[] {
  const next = [...order];
  const [id] = next.splice(index, 1);
  if (id !== undefined) next.splice(index + by, 0, id);
  return next;
}

export const ColumnsMenu = memo(function ColumnsMenu({
  layout,
  onChange,
}: {
  readonly layout: QueueLayout;
  readonly onChange: (layout: QueueLayout) => void;
}) {
  const visibleCount = layout.order.length - layout.hidden.length;
  return (
    <DialogTrigger>
      <Button className="button">Columns</Button>
      <Popover className="popover columns-popover" placement="bottom end">
        <Dialog aria-label="Columns" className="filter-dialog">
          <ol className="columns-list">
            {layout.order.map((id, index) => {
              const visible = !layout.hidden.includes(id);
              const label = COLUMN_LABELS[id];
              return (
                <li key={id} className="columns-item">
                  <CheckOption
                    isSelected={visible}
                    // The last visible column stays: an empty table helps nobody.
                    isDisabled={visible && visibleCount === 1}
                    onChange={(show) => {
                      onChange({
                        ...layout,
                        hidden: show ? layout.hidden.filter((h) => h !== id) : [...layout.hidden, id],
                      });
                    }}
                  >
                    <span className="facet-label">{label}</span>
                  </CheckOption>
                  <Button
                    className="icon-button"
                    aria-label={`Move ${label} left`}
                    isDisabled={index === 0}
                    onPress={() => {
                      onChange({ ...layout, order: moved(layout.order, index, -1) });
                    }}
                  >
                    ↑
                  </Button>
                  <Button
                    className="icon-button"
                    aria-label={`Move ${label} right`}
                    isDisabled={index === layout.order.length - 1}
                    onPress={() => {
                      onChange({ ...layout, order: moved(layout.order, index, 1) });
                    }}
                  >
                    ↓
                  </Button>
                </li>
              );
            })}
          </ol>
          <Button
            className="button button-quiet"
            onPress={() => {
              onChange(DEFAULT_LAYOUT);
            }}
          >
            Reset columns
          </Button>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
});
