/**
 * The errors of an uploaded file, each naming its cell: the sheet (a workbook of several sheets: a
 * sampling plan, a form workbook), the row and the column (also a unit events file, which has no
 * sheet column). The server lists the first 200 and counts the rest.
 */
import type { PlanError } from '@hailong/contracts';
import { tr } from '@/lib/i18n';
import { MoreErrors } from './more-errors';

export type CellError = Omit<PlanError, 'sheet'> & { sheet?: string };

export function SheetErrors({ errors, total }: { errors: CellError[]; total?: number | undefined }) {
  if (errors.length === 0) return null;
  const sheets = errors.some((e) => e.sheet !== undefined);
  return (
    <>
      <table className="admin-table" data-testid="import-errors">
        <caption>{tr('Các lỗi trong tệp', 'Errors in the file')}</caption>
        <thead>
          <tr>
            {sheets ? <th scope="col">{tr('Trang', 'Sheet')}</th> : null}
            <th scope="col">{tr('Dòng', 'Row')}</th>
            <th scope="col">{tr('Cột', 'Column')}</th>
            <th scope="col">{tr('Lỗi', 'Error')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} className="admin-below">
              {sheets ? <td>{e.sheet}</td> : null}
              <td>{e.row}</td>
              <td>{e.column}</td>
              <td>{tr(e.message, e.messageEn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreErrors shown={errors.length} total={total} />
    </>
  );
}
