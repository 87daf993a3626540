import { describe, expect, it } from 'vitest';
import { numberedVariants, rosterVariants, slug } from '../../src/render/variants.js';

describe('numbered variants', () => {
  it('are zero-padded to the width of the count, at least two digits', () => {
    expect(numberedVariants(3).map((v) => v.id)).toEqual(['01', '02', '03']);
    expect(numberedVariants(30).at(-1)?.id).toBe('30');
    expect(numberedVariants(120)[0].id).toBe('001');
  });

  it('reject 0 and absurd counts', () => {
    expect(() => numberedVariants(0)).toThrow(/--variants: expected a whole number from 1 to 1000, got 0/);
    expect(() => numberedVariants(5000)).toThrow(/--variants/);
  });
});

describe('rosters', () => {
  it('slug names into file ids', () => {
    expect(slug('Zoë O’Neil')).toBe('zoe-o-neil');
    expect(slug('  Fei-Fei  Li ')).toBe('fei-fei-li');
    expect(slug('…')).toBe('');
  });

  it('slug names in any script, transliterated (before: no file name, and the roster needed an id column)', () => {
    expect(slug('Александр Пушкин')).toBe('aleksandr-pushkin');
    expect(slug('Αλέξανδρος Παπαδόπουλος')).toBe('alexandros-papadopoylos');
    expect(slug('李雷')).toBe('lilei');
    expect(rosterVariants('name\nДмитрий Щукин\n李雷\n', 'r.csv').map((v) => v.id)).toEqual(['dmitriy-shchukin', 'lilei']);
  });

  it('slug letters that are not a base letter with marks as their Latin spelling, not as nothing', () => {
    // Before: ukasz-zo-c, ang-thi-ha, rjan-as, anna-lena-gro.
    expect(slug('Łukasz Żółć')).toBe('lukasz-zolc');
    expect(slug('Đặng Thị Hà')).toBe('dang-thi-ha');
    expect(slug('Ørjan Ås')).toBe('orjan-as');
    expect(slug('Anna-Lena Groß')).toBe('anna-lena-gross');
    expect(slug('Þóra Ægisdóttir')).toBe('thora-aegisdottir');
    expect(slug('Nguyễn Văn An')).toBe('nguyen-van-an');
  });

  it('read a CSV with a header: name required, id optional, quotes, CRLF and a BOM', () => {
    const csv = '\uFEFFname,id,email\r\n"Lovelace, Ada",,ada@x.edu\r\nAlan Turing,turing,alan@x.edu\r\n"Grace ""Amazing"" Hopper",,\r\n\r\n';
    expect(rosterVariants(csv, 'r.csv')).toEqual([
      { id: 'lovelace-ada', student: 'Lovelace, Ada' },
      { id: 'turing', student: 'Alan Turing' },
      { id: 'grace-amazing-hopper', student: 'Grace "Amazing" Hopper' },
    ]);
  });

  it('take two students of one name, each with an id of their own (the sheets print it)', () => {
    expect(rosterVariants('name,id\nAda Lovelace,a1\nAda Lovelace,a2\n', 'r.csv')).toEqual([
      { id: 'a1', student: 'Ada Lovelace' },
      { id: 'a2', student: 'Ada Lovelace' },
    ]);
  });

  it.each([
    ['email\nada@x.edu\n', /^r\.csv:1: the header has no 'name' column \(found 'email'\)$/],
    ['', /^r\.csv:1: the roster is empty/],
    ['name\n', /^r\.csv:1: the roster has a header but no students$/],
    ['name,id\nAda,\n,x\n', /^r\.csv:3: name: empty$/],
    ['name\nAda Lovelace\nBob\nada lovelace\n', /^r\.csv:4: name: duplicate 'ada lovelace' \(also on line 2\); for two students of one name, give each an 'id'$/],
    ['name,id\nAda Lovelace,a1\nAda Lovelace,\n', /^r\.csv:3: name: duplicate 'Ada Lovelace' \(also on line 2\); for two students of one name, give each an 'id'$/],
    ['name,id\nAda Lovelace,a1\nAda Lovelace,A1\n', /^r\.csv:3: id: the file id 'A1' is already used on line 2/],
    ['name\nZoë Li\nZoe Li\n', /^r\.csv:3: name: the file id 'zoe-li' is already used on line 2; give one of them an 'id'$/],
    ['name,id\nAda,a b\n', /^r\.csv:2: id: 'a b' is not usable in a file name/],
    ['name,id\nAda,x,y\n', /^r\.csv:2: expected 2 fields \(name, id\), got 3$/],
    ['name\n"Ada\n', /^r\.csv:2: a quoted field is never closed$/],
    // Before: read as "Ada Lovelace" without a word.
    ['name\n"Ada" Lovelace\n', /^r\.csv:2: text after a closing quote \("Lovelace"\); quote the whole field, as in "Ada Lovelace"$/],
    ['name\n…\n', /^r\.csv:2: name: '…' gives no file name; add an 'id' column/],
    ['name,Name\nAda,Ada\n', /^r\.csv:1: the header names column 'name' twice$/],
  ])('report %j as a positioned error', (csv, message) => {
    expect(() => rosterVariants(csv, 'r.csv')).toThrow(message);
  });
});
