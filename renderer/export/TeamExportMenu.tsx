// Export the Team view's tables: one table as CSV, or all of them as one workbook (a sheet
// each), for the period and filters on screen.
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import type { TeamExportTable } from '../../common/ipc/channels/export.js';
import type { TeamReportRequest } from '../../common/ipc/channels/team.js';
import type { Granularity } from '../../common/team/period.js';
import { ExportProgressDialog } from './ExportProgressDialog.js';
import { useExportRunner } from './useExportRunner.js';
import './export.css';

const CHOICES: readonly (readonly [TeamExportTable | 'all', string])[] = [
  ['kpis', 'KPIs by assignee (CSV)'],
  ['backlog', 'Backlog (CSV)'],
  ['trends', 'Score trends (CSV)'],
  ['rootCauses', 'Root causes (CSV)'],
  ['all', 'All tables (Excel, one sheet each)'],
];

export function TeamExportMenu({
  report,
}: {
  readonly report: TeamReportRequest & { readonly granularity: Granularity };
}) {
  const runner = useExportRunner();
  return (
    <>
      <MenuTrigger>
        <Button className="button">Export…</Button>
        <Popover className="popover" placement="bottom end">
          <Menu
            className="listbox"
            aria-label="Export"
            onAction={(key) => {
              const table = key === 'all' ? null : (key as TeamExportTable);
              void runner.run({
                source: { kind: 'team', report, table },
                format: table === null ? 'xlsx' : 'csv',
                // The Team tables have fixed columns; this field is for queue exports.
                columns: ['response_id'],
                personalData: false,
              });
            }}
          >
            {CHOICES.map(([id, label]) => (
              <MenuItem key={id} id={id} className="listbox-item">
                {label}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
      <ExportProgressDialog runner={runner} />
    </>
  );
}
