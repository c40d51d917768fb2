// Documents edited at random, shared by the tests that compare incremental analysis with a fresh one:
// a glossary with shared short names, titles, terms and numbers, pieces of prose that exercise every rule
// that crosses a paragraph, and the edits typed into them.
export const GLOSSARY_URI = 'file:///ws/policy.glossary.yaml';
export const GLOSSARY_TEXT = `entries:
  - id: nguyen-manh-cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
    short: [Cuong]
    roles:
      - title: Deputy Minister of Foreign Affairs
        native: Thứ trưởng Bộ Ngoại giao
        from: 2021
  - id: tran-quoc-cuong
    kind: official
    name: Trần Quốc Cường
    aliases: [Tran Quoc Cuong]
    short: [Cuong]
    roles:
      - title: Ambassador
        from: 2019
        to: 2022
  - id: to-lam
    kind: official
    name: Tô Lâm
    aliases: [To Lam]
    roles:
      - title: General Secretary
        from: 2024-08-03
      - title: President
        from: 2024-05-22
        to: 2024-10-21
  - id: resolution-59
    kind: resolution
    name: Resolution 59 on international integration
    number: 59-NQ/TW
  - id: mass-diplomacy
    kind: term
    name: mass diplomacy
    status: deprecated
    use: people-to-people-diplomacy
  - id: people-to-people-diplomacy
    kind: term
    name: people-to-people diplomacy
  - id: asean
    kind: organization
    name: ASEAN
    case: exact
`;

/** Pieces of prose: names, short names, titles across line breaks, annotations, numbers, links, Vietnamese. */
export const FRAGMENTS = [
  'Deputy Minister Nguyen Manh Cuong met the delegation. ',
  'Ambassador Tran Quoc Cuong arrived. ',
  'Later Cuong said the talks went well. ',
  'Cuong ',
  'Nguyễn Manh Cường visited Hanoi. ',
  'General Secretary To Lam chaired the meeting. ',
  'former\n\n',
  'former ',
  'President ',
  'Minister ',
  'Resolution 59-NQ/TW sets the course; Decision 123/QĐ-TTg and Law 250/2025/QH15 follow. ',
  'Resolution 59 ',
  'Nghị quyết số 59-NQ/TW được ban hành. ',
  'They praised mass diplomacy and [[people-to-people-diplomacy|friendship ties]]. ',
  'See [[no-such-entry|this]] and Minister Pham Van Binh. ',
  '[[nguyen-manh-cuong]] ',
  'Ông Cường phát biểu tại hội nghị của các nước và những người được mời. ',
  'Thứ trưởng Nguyễn Mạnh Cường cho biết việc này là của các bên. ',
  'Đồng chí Tô Lâm. ',
  'Xem https://example.org/to-lam-cuong.html và le-hoai-cuong.jpg. ',
  'ASEAN and Asean met. ',
  'The weather was mild and the markets were calm. ',
  '- item: Cuong spoke.\n',
  '# Cuong\n',
  '* ',
  '\u0301',
  '\n\n',
  '\n \n',
  '\r\n\r\n',
  '\n',
  '\r',
  '---\nlang: vi\ndate: 2025-03-01\n---\n',
  '---\ndate: 2020-03-01\n---\n',
];
export const INSERTS = ['x', ' ', 'a', 'Cuong ', 'Nguyen Manh Cuong', 'Tran Quoc Cuong ', '\n', '\n\n', '[[', ']]', '59-NQ/TW', 'Minister ', 'former', '.', 'ư', 'của các ', '\r', '---\n'];

export type Edit = { at: number; remove: number; insert: string };

export function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * (text.length + 1)) % (text.length + 1);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}
