import { describe, expect, it } from 'vitest';
import { tokenizeIni, unquote } from '../../../src/core/config/ini';

describe('tokenizeIni', () => {
  it('reads sections and settings with 1-based line numbers', () => {
    const doc = tokenizeIni('[a]\nx = 1\n\n[profile b]\ny = 2\n');
    expect(doc.problems).toEqual([]);
    expect(doc.sections).toEqual([
      { header: 'a', line: 1, settings: [{ key: 'x', value: '1', line: 2 }] },
      { header: 'profile b', line: 4, settings: [{ key: 'y', value: '2', line: 5 }] },
    ]);
  });

  it('cuts the white space trim() cuts round lines, keys and values (Unicode spaces too), and nothing else', () => {
    // No-break space, ideographic space, vertical tab and form feed are white space; a zero-width space is not.
    const doc = tokenizeIni('\u00a0[a]\u3000\n\u00a0x\u3000=\u00a0\v1\f\n\u200by = 2\u200b\n\u3000# note\n');
    expect(doc.problems).toEqual([]);
    expect(doc.sections).toEqual([{
      header: 'a', line: 1, settings: [{ key: 'x', value: '1', line: 2 }, { key: '\u200by', value: '2\u200b', line: 3 }],
    }]);
  });

  it('skips whole-line # and ; comments, indented or not', () => {
    const doc = tokenizeIni('# top\n[a]\n; one\n   # two\nx = 1\n');
    expect(doc.sections[0]?.settings).toEqual([{ key: 'x', value: '1', line: 5 }]);
    expect(doc.problems).toEqual([]);
  });

  it.each([
    ['role_name = Manager ; overrides target role name', 'Manager'],
    ['role_name = Manager # a comment', 'Manager'],
    ['role_name = Manager\t; tab before', 'Manager'],
    ['color = #ff0000', '#ff0000'],
    ['color = #ff0000 ; red', '#ff0000'],
    ['image = https://example.com/a#b', 'https://example.com/a#b'],
    ['x = a;b', 'a;b'],
    ['image = "https://x.test/a ; b" ; comment', '"https://x.test/a ; b"'],
    ["image = 'a # b'", "'a # b'"],
    ['image = "a";comment', '"a"'],
    ['x = "a" b', '"a" b'],
    ['x =', ''],
    ['x = ; only a comment', '; only a comment'],
  ])('reads the value of %j as %j', (line, value) => {
    const doc = tokenizeIni(`[a]\n${line}\n`);
    expect(doc.sections[0]?.settings[0]?.value).toBe(value);
  });

  it('accepts key=value without spaces and doubled spaces before =', () => {
    const doc = tokenizeIni('[a]\nrole_name=target-a2\naws_account_id  = 333355551111\n');
    expect(doc.sections[0]?.settings.map((s) => [s.key, s.value])).toEqual([
      ['role_name', 'target-a2'],
      ['aws_account_id', '333355551111'],
    ]);
  });

  it('splits only at the first =', () => {
    const doc = tokenizeIni('[a]\ndestination = /console/home?region=eu-west-1\n');
    expect(doc.sections[0]?.settings[0]?.value).toBe('/console/home?region=eu-west-1');
  });

  it('handles CRLF, lone CR and a byte-order mark', () => {
    for (const text of ['\uFEFF[a]\r\nx = 1\r\n\r\ny = 2\r\n', '\uFEFF[a]\rx = 1\r\ry = 2\r']) {
      const doc = tokenizeIni(text);
      expect(doc.sections[0]?.header).toBe('a');
      expect(doc.sections[0]?.settings.map((s) => [s.key, s.value])).toEqual([['x', '1'], ['y', '2']]);
      expect(doc.problems).toEqual([]);
    }
    expect(tokenizeIni('\uFEFF[a]\r\nx = 1\r\n\r\ny = 2').sections[0]?.settings[1]?.line).toBe(4);
  });

  it('reads indented sub-settings of a key with no value (AWS CLI nested blocks)', () => {
    const doc = tokenizeIni('[a]\ns3 =\n  max_concurrent_requests = 20\n  # comment\n\tmax_queue_size = 1000\nregion = x\n');
    expect(doc.sections[0]?.settings).toEqual([
      {
        key: 's3', value: '', line: 2, nested: [
          { key: 'max_concurrent_requests', value: '20', line: 3 },
          { key: 'max_queue_size', value: '1000', line: 5 },
        ],
      },
      { key: 'region', value: 'x', line: 6 },
    ]);
  });

  it('reads equally indented lines as settings, not as a block', () => {
    const doc = tokenizeIni('[a]\n  cli_pager =\n  region = eu-west-1\n');
    expect(doc.sections[0]?.settings.map((s) => s.key)).toEqual(['cli_pager', 'region']);
  });

  it('reads indented lines after a key with a value as plain settings (AESR trims every line)', () => {
    const doc = tokenizeIni('[a]\n  x = 1\n    y = 2\n');
    expect(doc.sections[0]?.settings.map((s) => s.key)).toEqual(['x', 'y']);
  });

  it('accepts a comment after a section header, and trims its name', () => {
    const doc = tokenizeIni('[  profile   dev  ] ; the dev account\n');
    expect(doc.sections[0]?.header).toBe('profile   dev');
    expect(doc.problems).toEqual([]);
  });

  it('reports lines that are not settings, headers or comments, with their line', () => {
    const doc = tokenizeIni('[a]\nx = 1\nthis is not a setting\n= no key\n');
    expect(doc.problems.map((p) => [p.code, p.line, p.section?.header])).toEqual([['bad-line', 3, 'a'], ['bad-line', 4, 'a']]);
  });

  it('reports malformed headers and skips their lines', () => {
    const doc = tokenizeIni('[a\nx = 1\n[]\ny = 2\n[b] junk\nz = 3\n[c]\nw = 4\n');
    expect(doc.problems.map((p) => [p.code, p.line])).toEqual([['bad-section', 1], ['bad-section', 3], ['bad-section', 5]]);
    expect(doc.sections).toEqual([{ header: 'c', line: 7, settings: [{ key: 'w', value: '4', line: 8 }] }]);
  });

  it('reports settings before any section, naming the key but never the value', () => {
    const doc = tokenizeIni('aws_secret_access_key = SECRET\n[a]\n');
    expect(doc.problems).toEqual([{ code: 'outside-section', line: 1, key: 'aws_secret_access_key' }]);
  });

  it('reports an unclosed quote and keeps the text as written', () => {
    const doc = tokenizeIni('[a]\nimage = "https://x.test/a ; comment\n');
    expect(doc.sections[0]?.settings[0]?.value).toBe('"https://x.test/a');
    expect(doc.problems.map((p) => [p.code, p.line, p.key])).toEqual([['unclosed-quote', 2, 'image']]);
  });

  it('reports a nested line that is not a setting', () => {
    const doc = tokenizeIni('[a]\ns3 =\n  not a setting\n');
    expect(doc.problems.map((p) => [p.code, p.line])).toEqual([['bad-line', 3]]);
  });

  it('gives nothing for empty text', () => {
    expect(tokenizeIni('')).toEqual({ sections: [], problems: [] });
  });
});

describe('unquote', () => {
  it.each([
    ['"abc"', 'abc'],
    ["'abc'", 'abc'],
    ['"abc', '"abc'],
    ['"', '"'],
    ['""', ''],
    ['"a\'', '"a\''],
    ['abc', 'abc'],
  ])('%j -> %j', (input, output) => {
    expect(unquote(input)).toBe(output);
  });
});
