import { describe, expect, it } from 'vitest';
import { choosePositiveClass, sortClasses, toBinaryCodes } from './positive-class.js';

describe('choosePositiveClass', () => {
  it('prefers the class spelled 1, true or yes', () => {
    expect(choosePositiveClass(['yes', 'no'])).toEqual({ positive: 'yes', negative: 'no' });
    expect(choosePositiveClass(['0', '1'])).toEqual({ positive: '1', negative: '0' });
    expect(choosePositiveClass(['False', 'TRUE'])).toEqual({ positive: 'TRUE', negative: 'False' });
  });
  it('otherwise takes the larger number or the later label', () => {
    expect(choosePositiveClass(['7', '2'])).toEqual({ positive: '7', negative: '2' });
    expect(choosePositiveClass(['10', '9'])).toEqual({ positive: '10', negative: '9' });
    expect(choosePositiveClass(['churned', 'active'])).toEqual({ positive: 'churned', negative: 'active' });
  });
  it('completes a single-class target from the predictions', () => {
    expect(choosePositiveClass(['no'], ['no', 'yes'])).toEqual({ positive: 'yes', negative: 'no' });
    expect(choosePositiveClass(['1'])).toEqual({ positive: '1', negative: null });
    expect(choosePositiveClass(['0'])).toEqual({ positive: null, negative: '0' });
  });
  it('refuses more than two classes', () => {
    expect(() => choosePositiveClass(['a', 'b', 'c'])).toThrow(RangeError);
  });
});

describe('sortClasses', () => {
  it('sorts numbers numerically and labels as strings', () => {
    expect(sortClasses(['10', '9', '-1'])).toEqual(['-1', '9', '10']);
    expect(sortClasses(['b', 'a', 'B'])).toEqual(['B', 'a', 'b']);
  });
});

describe('toBinaryCodes', () => {
  const classes = { positive: 'yes', negative: 'no' };
  it('maps classes to 0/1 and missing to −1', () => {
    const codes = toBinaryCodes({ codes: Int32Array.of(0, 1, -1, 1), keys: ['no', 'yes'] }, classes, 'target column "y"');
    expect(Array.from(codes)).toEqual([0, 1, -1, 1]);
  });
  it('matches spellings of true and false against a 1/0 target', () => {
    const codes = toBinaryCodes({ codes: Int32Array.of(0, 1), keys: ['false', 'true'] }, { positive: '1', negative: '0' }, 'p');
    expect(Array.from(codes)).toEqual([0, 1]);
  });
  it('names the column for a value that is not a class, ignoring unused dictionary entries', () => {
    expect(() => toBinaryCodes({ codes: Int32Array.of(0, 2), keys: ['no', 'yes', 'maybe'] }, classes, 'prediction column "p"')).toThrow(
      /prediction column "p" holds "maybe", which is not one of the target's classes/,
    );
    expect(Array.from(toBinaryCodes({ codes: Int32Array.of(0, 1), keys: ['no', 'yes', 'maybe'] }, classes, 'p'))).toEqual([0, 1]);
  });
});
