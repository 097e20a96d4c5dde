/**
 * The errors of an uploaded workbook, each naming its sheet, row and column (a sampling plan, a form
 * workbook); the server lists the first 200 and counts the rest.
 */
import type { PlanError } from '@hailong/contracts';
import { tr } from '@/lib/i18n';
import { MoreErrors } from './more-errors';

export function SheetErrors({ errors, total }: { errors: PlanError[]; total?: number | undefined }) {
  if (errors.length === 0) return null;
  return (
    <>
      <table className="admin-table" data-testid="import-errors">
        <caption>{tr('Các lỗi trong tệp', 'Errors in the file')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('Trang', 'Sheet')}</th>
            <th scope="col">{tr('Dòng', 'Row')}</th>
            <th scope="col">{tr('Cột', 'Column')}</th>
            <th scope="col">{tr('Lỗi', 'Error')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} className="admin-below">
              <td>{e.sheet}</td>
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
