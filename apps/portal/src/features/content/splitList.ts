/** "Grief, anxiety," as ["Grief", "anxiety"]: how the content forms take a list in one line. */
export const splitList = (line: string) =>
  line
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
