// Small text helpers shared by the status bar and the index view.
/** "1 mention", "3 mentions", "2 entries". */
export function countLabel(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
