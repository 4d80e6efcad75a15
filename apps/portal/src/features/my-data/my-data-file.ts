import { myDataExportSchema, type MyDataExport } from '@attune/domain';

/** Reads what `exportMyData` answered; a shape this portal does not know is a problem to show, not to guess at. */
export function readExport(value: unknown): MyDataExport | null {
  const parsed = myDataExportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Saves the export as a JSON file named with its date, as the browser saves any download. */
export function saveExportFile(data: unknown) {
  const exportedAt = readExport(data)?.exportedAt ?? new Date().toISOString();
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `attune-my-data-${exportedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
