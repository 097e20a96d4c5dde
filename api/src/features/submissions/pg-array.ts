/**
 * A PostgreSQL array literal (`{"a","b"}`) passed as ONE bind parameter. drizzle's `sql` template
 * expands a JS array into `($1, $2, …)`, which cannot be cast to an array and costs a parameter per
 * element; `= any(${pgArray(ids)}::uuid[])` keeps large batches to one parameter.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
