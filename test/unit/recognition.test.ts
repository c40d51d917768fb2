import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import {
  analyzeDocument,
  compileGlossary,
  DEFAULT_TITLES,
  findMentions,
  type CompiledGlossary,
  type DocumentAnalysis,
} from '../../server/src/core/recognition';
import { LineMap } from '../../server/src/core/text';

const GLOSSARY_YAML = readFileSync(join(__dirname, '../../../test/fixtures/recognition/test.glossary.yaml'), 'utf8');

function compile(yaml: string): CompiledGlossary {
  return compileGlossary(mergeGlossary([loadGlossaryFile('file:///w/test.glossary.yaml', yaml)]));
}

const glossary = compile(GLOSSARY_YAML);

/** Each mention as `entry-id "text" how`. */
function mentionsIn(text: string, compiled = glossary): string[] {
  return analyzeDocument(text, compiled).mentions.map((m) => `${m.entryId} ${JSON.stringify(m.text)} ${m.match}`);
}

function ids(text: string, compiled = glossary): string[] {
  return analyzeDocument(text, compiled).mentions.map((m) => m.entryId);
}

describe('recognition: diacritics', () => {
  it('finds a name written with, without and in capitals with diacritics', () => {
    const text = 'Nguyễn Mạnh Cường arrived. Nguyen Manh Cuong spoke. NGUYỄN MẠNH CƯỜNG LEFT.';
    assert.deepEqual(mentionsIn(text), [
      'nguyen-manh-cuong "Nguyễn Mạnh Cường" name',
      'nguyen-manh-cuong "Nguyen Manh Cuong" alias',
      'nguyen-manh-cuong "NGUYỄN MẠNH CƯỜNG" name',
    ]);
  });

  it('folds Đ and đ to D and d, which NFD does not decompose', () => {
    assert.deepEqual(ids('Ambassador Dang Minh Khoi and ĐẶNG MINH KHÔI met Đặng Minh Khôi.'), ['dang-minh-khoi', 'dang-minh-khoi', 'dang-minh-khoi']);
  });

  it('works on NFD input with ranges into the original text', () => {
    const text = 'Trong bài phát biểu, Nguyễn Mạnh Cường nói.'.normalize('NFD');
    const analysis = analyzeDocument(text, glossary);
    assert.equal(analysis.mentions.length, 1);
    const mention = analysis.mentions[0];
    assert.equal(mention.entryId, 'nguyen-manh-cuong');
    assert.equal(text.slice(mention.start, mention.end), 'Nguyễn Mạnh Cường'.normalize('NFD'));
    assert.equal(mention.text, text.slice(mention.start, mention.end));
    assert.deepEqual(mention.range, new LineMap(text).rangeOf(mention.start, mention.end));
  });

  it('gives NFC and NFD input the same mentions', () => {
    const text = 'Tổng Bí thư Tô Lâm gặp Thứ trưởng Nguyễn Mạnh Cường tại Thành phố Hồ Chí Minh; ông Cường nói về tự chủ chiến lược.';
    const nfc = analyzeDocument(text, glossary).mentions.map((m) => [m.entryId, m.match, m.text.normalize('NFC')]);
    const nfd = analyzeDocument(text.normalize('NFD'), glossary).mentions.map((m) => [m.entryId, m.match, m.text.normalize('NFC')]);
    assert.deepEqual(nfd, nfc);
    assert.deepEqual(
      nfc.map((m) => m[0]),
      ['to-lam', 'nguyen-manh-cuong', 'ho-chi-minh-city', 'nguyen-manh-cuong', 'strategic-autonomy'],
    );
  });
});

describe('recognition: case', () => {
  it('finds WHO the organisation but not the word who', () => {
    assert.deepEqual(mentionsIn('Officials who met the WHO team said who would lead.'), ['who "WHO" alias']);
  });

  it('finds To Lam as written or in capitals, not in lower case', () => {
    assert.deepEqual(ids('General Secretary To Lam spoke. TO LAM RE-ELECTED. The road leads to lam dong.'), ['to-lam', 'to-lam']);
    assert.deepEqual(ids('To LAM and to Lam are neither as written nor in capitals.'), []);
  });

  it('finds terms in any case', () => {
    assert.deepEqual(ids('Strategic autonomy matters. STRATEGIC AUTONOMY IN FOCUS. Strategic Autonomy again.'), [
      'strategic-autonomy',
      'strategic-autonomy',
      'strategic-autonomy',
    ]);
  });

  it('follows case: sensitive and insensitive', () => {
    assert.deepEqual(ids('The Geneva Accords of 1954. THE GENEVA ACCORDS. the geneva accords.'), ['geneva-accords']);
    assert.deepEqual(ids('A comprehensive strategic partnership, a COMPREHENSIVE STRATEGIC PARTNERSHIP.'), [
      'comprehensive-strategic-partnership',
      'comprehensive-strategic-partnership',
    ]);
  });
});

describe('recognition: boundaries and joins', () => {
  it('matches whole words only', () => {
    assert.deepEqual(ids('WHOLESALE prices, UNESCOS, ASEANs and To Lamb are not mentions.'), []);
    assert.deepEqual(ids('Tô Lâmư is not a word boundary either.'), []);
  });

  it('keeps possessives with straight and curly apostrophes', () => {
    assert.deepEqual(mentionsIn('ASEAN’s role and ASEAN\'s members; the UN’s agencies.'), [
      'asean "ASEAN" alias',
      'asean "ASEAN" alias',
      'united-nations "UN" alias',
    ]);
    assert.deepEqual(ids('Promoting people’s diplomacy and people\'s diplomacy.'), ['people-to-people-diplomacy', 'people-to-people-diplomacy']);
  });

  it('matches across hyphen and dash joins', () => {
    assert.deepEqual(ids('A UNESCO-recognised site; ASEAN–EU talks; ASEAN-EU ties.'), ['unesco', 'asean', 'european-union', 'asean', 'european-union']);
    assert.deepEqual(ids('people–to–people diplomacy and people to people diplomacy'), ['people-to-people-diplomacy', 'people-to-people-diplomacy']);
  });

  it('matches forms with other punctuation as written', () => {
    assert.deepEqual(mentionsIn('Talks with the U.S. went well; the US team and U S. did not count.'), ['us "U.S" alias']);
  });

  it('matches a name broken across a line break or a double space, not across a blank line', () => {
    assert.deepEqual(mentionsIn('said Deputy Minister Nguyen Manh\nCuong and Pham  Minh Chinh.'), [
      'nguyen-manh-cuong "Nguyen Manh\\nCuong" alias',
      'pham-minh-chinh "Pham  Minh Chinh" alias',
    ]);
    assert.deepEqual(mentionsIn('Nguyen Manh\r\nCuong'), ['nguyen-manh-cuong "Nguyen Manh\\r\\nCuong" alias']);
    assert.deepEqual(ids('Nguyen Manh\n\nCuong'), []);
  });

  it('does not match inside file names, URLs or e-mail addresses', () => {
    const text = [
      'Photo: le-hoai-trung.jpg and Le-Hoai-Trung.png',
      'See https://example.org/who/ASEAN-report and www.asean.org/UNESCO.',
      'Write to press@asean.org or ASEAN.',
      'Files: docs/strategic-autonomy.md',
    ].join('\n');
    assert.deepEqual(mentionsIn(text), ['asean "ASEAN" alias']);
  });

  it('still matches next to a Markdown link', () => {
    assert.deepEqual(ids('[ASEAN](https://asean.org) and the WHO (https://who.int).'), ['asean', 'who']);
  });
});

describe('recognition: longest match', () => {
  it('takes Ho Chi Minh City as the place, not the person', () => {
    assert.deepEqual(mentionsIn('Delegates from Ho Chi Minh City honoured Ho Chi Minh.'), [
      'ho-chi-minh-city "Ho Chi Minh City" name',
      'ho-chi-minh "Ho Chi Minh" alias',
    ]);
  });

  it('takes the longer form in the glossary over a shorter one inside it', () => {
    assert.deepEqual(mentionsIn('The United Nations Convention against Cybercrime was signed; the United Nations welcomed it.'), [
      'cybercrime-convention "United Nations Convention against Cybercrime" name',
      'united-nations "United Nations" name',
    ]);
  });

  it('scans once: ten thousand entries find the same mentions as a small glossary', () => {
    const extra = Array.from({ length: 10000 }, (_, k) => `  - id: filler-${k}\n    kind: term\n    name: filler term ${k}\n`).join('');
    const big = compile(GLOSSARY_YAML + extra);
    const text = 'Tô Lâm, the WHO and filler term 9999 met; filler term 10000 is not an entry.';
    assert.deepEqual(ids(text, big), ['to-lam', 'who', 'filler-9999']);
  });
});

describe('recognition: short names of officials', () => {
  it('takes a short name only after a full mention in the same document', () => {
    assert.deepEqual(ids('Cuong said nothing yet. Then Nguyen Manh Cuong arrived. Cuong said the talks went well.'), [
      'nguyen-manh-cuong',
      'nguyen-manh-cuong',
    ]);
    const analysis = analyzeDocument('Cuong said the talks went well.', glossary);
    assert.deepEqual(analysis.mentions, []);
  });

  it('gives a shared short name to the nearest full mention', () => {
    const text = 'State President Luong Cuong spoke first. Cuong thanked the hosts. Later Nguyen Manh Cuong briefed reporters. Cuong said more.';
    assert.deepEqual(
      analyzeDocument(text, glossary).mentions.map((m) => `${m.entryId}:${m.match}`),
      ['luong-cuong:alias', 'luong-cuong:short', 'nguyen-manh-cuong:alias', 'nguyen-manh-cuong:short'],
    );
  });

  it('takes a short name right after one of the entry’s role titles', () => {
    const [mention] = analyzeDocument('General Secretary Lam opened the session.', glossary).mentions;
    assert.equal(mention.entryId, 'to-lam');
    assert.equal(mention.match, 'short');
    assert.equal(mention.title?.text, 'General Secretary');
    // The short form of the alias and of the name (with diacritics) both work.
    assert.deepEqual(ids('Tổng Bí thư Lâm phát biểu.'), ['to-lam']);
    // A title of another role does not: the Prime Minister is not To Lam.
    assert.deepEqual(ids('Prime Minister Lam spoke.'), []);
  });

  it('matches short names case-sensitively and honours an empty short list', () => {
    assert.deepEqual(ids('Nguyen Manh Cuong spoke; cuong and CUONG are not his short name.'), ['nguyen-manh-cuong']);
    assert.deepEqual(ids('Ho Chi Minh wrote; Minh and Chi are never short names here.'), ['ho-chi-minh']);
    assert.deepEqual(ids('Chief Negotiator Tran Van Nam arrived. Nam said a deal was near.'), ['tran-van-nam', 'tran-van-nam']);
  });

  it('takes the last word of a name as its short form whatever white space the name has', () => {
    const yaml = [
      'entries:',
      '  - id: pham-thu-hang',
      '    kind: official',
      '    name: "Pham\\u00a0Thu\\u3000Hang "',
      '  - id: le-thi-thu-hang',
      '    kind: official',
      '    name: "Le Thi Thu\\tHang,"',
      '  - id: bui-thanh-son',
      '    kind: official',
      '    name: "Bui Thanh Son"',
      '    aliases: ["Son\\u2003"]',
      '',
    ].join('\n');
    const compiled = compile(yaml);
    assert.deepEqual(mentionsIn('Pham Thu Hang spoke. Hang said so.', compiled), ['pham-thu-hang "Pham Thu Hang" name', 'pham-thu-hang "Hang" short']);
    assert.deepEqual(mentionsIn('Le Thi Thu Hang, spoke. Hang said so.', compiled), ['le-thi-thu-hang "Le Thi Thu Hang" name', 'le-thi-thu-hang "Hang" short']);
    // A one-word alias gives no short form of its own: it is a full form (trimmed), found as the alias.
    assert.deepEqual(mentionsIn('Son spoke. Bui Thanh Son spoke. Son said so.', compiled), ['bui-thanh-son "Son" alias', 'bui-thanh-son "Bui Thanh Son" name', 'bui-thanh-son "Son" alias']);
  });

  it('forgets full mentions between documents', () => {
    assert.deepEqual(ids('Le Hoai Trung spoke.'), ['le-hoai-trung']);
    assert.deepEqual(ids('Trung said so.'), []);
  });
});

describe('recognition: titles before names', () => {
  it('gives a mention the title written right before it', () => {
    const text = 'Prime Minister Pham Minh Chinh met Deputy Foreign Minister\nNguyen Manh Cuong.';
    const [pm, cuong] = analyzeDocument(text, glossary).mentions;
    assert.equal(pm.title?.text, 'Prime Minister');
    assert.equal(pm.title?.historical, false);
    assert.equal(text.slice(pm.title!.start, pm.title!.end), 'Prime Minister');
    assert.equal(cuong.title?.text, 'Deputy Foreign Minister');
  });

  it('marks titles after former, the late, then- and ex- as historical', () => {
    const text = 'Former Minister of Public Security To Lam; the late President Ho Chi Minh; then-Prime Minister Pham Minh Chinh; ex-President Luong Cuong.';
    const titles = analyzeDocument(text, glossary).mentions.map((m) => [m.entryId, m.title?.text, m.title?.historical]);
    assert.deepEqual(titles, [
      ['to-lam', 'Minister of Public Security', true],
      ['ho-chi-minh', 'President', true],
      ['pham-minh-chinh', 'Prime Minister', true],
      ['luong-cuong', 'President', true],
    ]);
  });

  it('gives no title when something stands between title and name', () => {
    const [mention] = analyzeDocument('The Prime Minister, Pham Minh Chinh, spoke.', glossary).mentions;
    assert.equal(mention.title, undefined);
  });

  it('keeps an organisation inside a longer title', () => {
    const compiled = compile(`entries:\n  - id: na\n    kind: organization\n    name: National Assembly\n`);
    const analysis = analyzeDocument('National Assembly Chairman Tran Thanh Man spoke.', compiled);
    assert.deepEqual(analysis.mentions.map((m) => m.text), ['National Assembly']);
    assert.deepEqual(analysis.candidates.map((c) => [c.title, c.name]), [['National Assembly Chairman', 'Tran Thanh Man']]);
  });

  it('exports the built-in English titles', () => {
    for (const title of ['Prime Minister', 'Deputy Prime Minister', 'General Secretary', 'Ambassador', 'Deputy Foreign Minister']) {
      assert.ok(DEFAULT_TITLES.includes(title), title);
    }
  });
});

describe('recognition: annotations', () => {
  it('pins a known id to its entry', () => {
    const text = 'The minister praised [[bamboo-diplomacy|the bamboo school]] and [[who]].';
    const analysis = analyzeDocument(text, glossary);
    assert.deepEqual(
      analysis.mentions.map((m) => [m.entryId, m.match, m.text]),
      [
        ['bamboo-diplomacy', 'annotation', '[[bamboo-diplomacy|the bamboo school]]'],
        ['who', 'annotation', '[[who]]'],
      ],
    );
    const [first, second] = analysis.annotations;
    assert.equal(first.id, 'bamboo-diplomacy');
    assert.equal(first.shown, 'the bamboo school');
    assert.equal(first.known, true);
    assert.equal(text.slice(first.idSpan.start, first.idSpan.end), 'bamboo-diplomacy');
    assert.equal(second.shown, undefined);
  });

  it('reports an unknown id with the span of the id', () => {
    const text = 'See [[no-such-entry|this]] and [[ asean ]].';
    const analysis = analyzeDocument(text, glossary);
    assert.deepEqual(
      analysis.annotations.map((a) => [a.id, a.known, a.idSpan.text]),
      [
        ['no-such-entry', false, 'no-such-entry'],
        ['asean', true, 'asean'],
      ],
    );
    assert.deepEqual(analysis.mentions.map((m) => m.entryId), ['asean']);
  });

  it('does not match the text inside an annotation again, nor across its brackets', () => {
    const text = 'As [[asean|ASEAN]] said, [[to-lam|General Secretary To Lam]] Cuong [[who]] Organization.';
    const analysis = analyzeDocument(text, glossary);
    assert.deepEqual(analysis.mentions.map((m) => m.match), ['annotation', 'annotation', 'annotation']);
    assert.deepEqual(analysis.candidates, []);
  });

  it('counts an annotation as the full mention a later short name needs', () => {
    assert.deepEqual(
      analyzeDocument('[[nguyen-manh-cuong|The deputy minister]] arrived. Cuong said the talks went well.', glossary).mentions.map((m) => m.match),
      ['annotation', 'short'],
    );
  });
});

describe('recognition: officials the glossary lacks', () => {
  const candidates = (text: string, compiled = glossary) =>
    analyzeDocument(text, compiled).candidates.filter((c) => c.kind === 'official').map((c) => [c.title, c.name, c.text]);

  it('proposes a titled, capitalised name that is no entry', () => {
    assert.deepEqual(candidates('Deputy Prime Minister Ho Duc Phoc opened the forum.'), [['Deputy Prime Minister', 'Ho Duc Phoc', 'Ho Duc Phoc']]);
    assert.deepEqual(candidates('Swiss Deputy Ambassador Aldo De Luca said the balance was right.'), [['Deputy Ambassador', 'Aldo De Luca', 'Aldo De Luca']]);
    assert.deepEqual(candidates('New Zealand Ambassador to Vietnam Caroline Beresford spoke.'), [['Ambassador to Vietnam', 'Caroline Beresford', 'Caroline Beresford']]);
    assert.deepEqual(candidates('Commission President Ursula von der Leyen arrived.'), [['President', 'Ursula von der Leyen', 'Ursula von der Leyen']]);
  });

  it('proposes a Vietnamese name introduced before its title', () => {
    const text = 'Ngo Tien Long, former Director-General at the ministry, said the link mattered.';
    const [candidate] = analyzeDocument(text, glossary).candidates;
    assert.deepEqual([candidate.name, candidate.title, candidate.titleSpan?.historical], ['Ngo Tien Long', 'Director-General', true]);
    // Known officials stay mentions; other capitalised words before a comma and a title are not names.
    assert.deepEqual(candidates('Nguyen Manh Cuong, Deputy Minister of Foreign Affairs, spoke.'), []);
    assert.deepEqual(candidates('In New Zealand, Ambassador Tran spoke. Le Duan Street, President of nothing.'), []);
  });

  it('uses the glossary’s role titles too', () => {
    assert.ok(!DEFAULT_TITLES.includes('Chief Negotiator'));
    assert.deepEqual(candidates('Chief Negotiator Le Van Binh led the talks.'), [['Chief Negotiator', 'Le Van Binh', 'Le Van Binh']]);
  });

  it('prefers precision: no candidate without a real name after the title', () => {
    const text = [
      'The Prime Minister said on Monday that the Secretary-General of the United Nations would visit.',
      'The UN Secretary-General’s visits mattered. The General Assembly met.',
      'The President Palace was closed. Minister Trump spoke. Ambassador to Vietnam spoke.',
      'President\n\nHo Duc Phoc was not introduced on the same paragraph.',
      'the minister Ho Duc Phoc (lower-case title) is not proposed.',
    ].join('\n');
    assert.deepEqual(candidates(text), []);
  });

  it('does not propose known officials or the names of other entries', () => {
    assert.deepEqual(candidates('Prime Minister Pham Minh Chinh and President Ho Chi Minh City officials.'), []);
  });

  it('places the candidate on the name', () => {
    const text = 'Deputy Prime Minister Ho Duc Phoc spoke.';
    const [candidate] = analyzeDocument(text, glossary).candidates;
    assert.equal(text.slice(candidate.start, candidate.end), 'Ho Duc Phoc');
    assert.equal(candidate.titleSpan?.text, 'Deputy Prime Minister');
    assert.deepEqual(candidate.range, { start: { line: 0, character: 22 }, end: { line: 0, character: 33 } });
  });
});

describe('recognition: ambiguity', () => {
  it('reports a form shared by two entries as ambiguous', () => {
    const compiled = compile(`entries:
  - id: mekong-river
    kind: place
    name: Mekong
  - id: mekong-institute
    kind: organization
    name: Mekong
`);
    const analysis = analyzeDocument('The Mekong matters.', compiled);
    assert.deepEqual(analysis.mentions, []);
    assert.deepEqual(analysis.ambiguous.map((a) => [a.text, a.entryIds]), [['Mekong', ['mekong-river', 'mekong-institute']]]);
  });

  it('prefers the entry whose form is written exactly as in the text', () => {
    const compiled = compile(`entries:
  - id: who
    kind: organization
    name: WHO
  - id: who-term
    kind: term
    name: Who
`);
    assert.deepEqual(ids('The WHO said.', compiled), ['who']);
    assert.deepEqual(ids('Who said?', compiled), ['who-term']);
  });
});

describe('recognition: results', () => {
  it('findMentions returns the mentions of analyzeDocument', () => {
    const text = 'Prime Minister Pham Minh Chinh and the WHO; Resolution 59-NQ/TW.';
    const lineMap = new LineMap(text);
    assert.deepEqual(findMentions(text, glossary, lineMap), analyzeDocument(text, glossary, { lineMap }).mentions);
    assert.deepEqual(findMentions(text, glossary), analyzeDocument(text, glossary).mentions);
  });

  it('gives exact ranges, also after CR LF and lone CR line ends', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = ['Title line', 'the WHO and', '  ASEAN’s Tô Lâm', ''].join(newline);
      const analysis = analyzeDocument(text, glossary);
      const lineMap = new LineMap(text);
      assert.equal(analysis.mentions.length, 3);
      for (const m of analysis.mentions) {
        assert.deepEqual(m.range, lineMap.rangeOf(m.start, m.end), JSON.stringify(newline));
        assert.equal(m.text, text.slice(m.start, m.end));
      }
    }
  });

  it('never throws and keeps every span inside the text, whatever the input', () => {
    const alphabet = fc.constantFrom(...'aAđĐ ̣́ \n\r-–’\'[]|/.:@0123456789NQTWĐCP'.split(''), 'Tô Lâm', 'WHO', '59-NQ/TW', '[[who]]', 'Cuong', 'Prime Minister ', '\uD83D\uDE00', '\uD800');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const analysis: DocumentAnalysis = analyzeDocument(text, glossary);
        for (const span of [...analysis.mentions, ...analysis.ambiguous, ...analysis.candidates, ...analysis.annotations]) {
          assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length);
          assert.equal(span.text, text.slice(span.start, span.end));
        }
        const starts = analysis.mentions.map((m) => m.start);
        assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('handles an empty glossary and an empty text', () => {
    const empty = compile('entries: []\n');
    assert.deepEqual(analyzeDocument('Tô Lâm and the WHO', empty).mentions, []);
    const analysis = analyzeDocument('', glossary);
    assert.deepEqual([analysis.mentions, analysis.candidates, analysis.annotations, analysis.ambiguous], [[], [], [], []]);
    assert.equal(analysis.lang, 'en');
  });
});
