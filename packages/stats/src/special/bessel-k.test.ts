import { describe, expect, it } from 'vitest';
import { besselK, besselKLikeScipy } from './bessel-k.js';

// [nu, x, K_nu(x)] from mpmath 1.2.1 `besselk(nu, x)` at 40 digits, rounded to double; x on both sides of the
// series/continued-fraction switch at 2.
const BESSEL_CASES: readonly (readonly [number, number, number])[] = [
  [0, 1e-06, 13.93144207362642],
  [0, 0.01, 4.721244730161095],
  [0, 0.3, 1.3724600605442974],
  [0, 1.0, 0.42102443824070834],
  [0, 1.9999, 0.11390786025689362],
  [0, 2.0, 0.11389387274953344],
  [0, 2.0001, 0.11387988708044136],
  [0, 3.5, 0.01959889717036849],
  [0, 10.0, 1.778006231616765e-05],
  [0, 50.0, 3.4101677497894956e-23],
  [0, 200.0, 1.2256819797765334e-88],
  [0, 650.0, 2.5125028846628393e-284],
  [0.1, 1e-06, 19.04389258143307],
  [0.1, 0.01, 4.934666009755597],
  [0.1, 0.3, 1.3843356302407963],
  [0.1, 1.0, 0.4225659449551693],
  [0.1, 1.9999, 0.11414423015680802],
  [0.1, 2.0, 0.114130203536809],
  [0.1, 2.0001, 0.11411617876225008],
  [0.1, 3.5, 0.01962378179961938],
  [0.1, 10.0, 1.7788551507869297e-05],
  [0.1, 50.0, 3.410505444604728e-23],
  [0.1, 200.0, 1.2257125460130295e-88],
  [0.1, 650.0, 2.5125221968401242e-284],
  [0.25, 1e-06, 68.10722788973494],
  [0.25, 0.01, 6.16574126413924],
  [0.25, 0.3, 1.4480426307073704],
  [0.25, 1.0, 0.4307397744485855],
  [0.25, 1.9999, 0.11539251030894468],
  [0.25, 2.0, 0.11537827684085676],
  [0.25, 2.0001, 0.11536404525620575],
  [0.25, 3.5, 0.019754912489177604],
  [0.25, 10.0, 1.783318443980639e-05],
  [0.25, 50.0, 3.412278887574886e-23],
  [0.25, 200.0, 1.2258730312403501e-88],
  [0.25, 650.0, 2.512623588205023e-284],
  [0.5, 1e-06, 1253.3128840019897],
  [0.5, 0.01, 12.40843453284693],
  [0.5, 0.3, 1.6951610563392832],
  [0.5, 1.0, 0.46106850444789454],
  [0.5, 1.9999, 0.11995276520158332],
  [0.5, 2.0, 0.11993777196806145],
  [0.5, 2.0001, 0.11992278075848944],
  [0.5, 3.5, 0.020229969578139294],
  [0.5, 10.0, 1.799347809370518e-05],
  [0.5, 50.0, 3.418620095457075e-23],
  [0.5, 200.0, 1.2264463640346494e-88],
  [0.5, 650.0, 2.5129857336073246e-284],
  [0.75, 1e-06, 32585.64305842638],
  [0.75, 0.01, 32.54345278535703],
  [0.75, 0.3, 2.1828038539659764],
  [0.75, 1.0, 0.5157753006959186],
  [0.75, 1.9999, 0.12791931395642295],
  [0.75, 2.0, 0.12790297862917901],
  [0.75, 2.0001, 0.1278866455775379],
  [0.75, 3.5, 0.021045599445859455],
  [0.75, 10.0, 1.8263751436705314e-05],
  [0.75, 50.0, 3.4292148046935573e-23],
  [0.75, 200.0, 1.2274025136452039e-88],
  [0.75, 650.0, 2.5135894252136855e-284],
  [1, 1e-06, 999999.9999927843],
  [1, 0.01, 99.97389411829624],
  [1, 0.3, 3.055992033457325],
  [1, 1.0, 0.6019072301972346],
  [1, 1.9999, 0.13988426583169103],
  [1, 2.0, 0.13986588181652243],
  [1, 2.0001, 0.1398475004688114],
  [1, 3.5, 0.022239392925923834],
  [1, 10.0, 1.8648773453825585e-05],
  [1, 50.0, 3.4441022267175555e-23],
  [1, 200.0, 1.2287423734729859e-88],
  [1, 650.0, 2.51443483698632e-284],
  [2.5, 1e-06, 3759942411945874.5],
  [2.5, 0.01, 375987.9747797948],
  [2.5, 0.3, 75.15214016437488],
  [2.5, 1.0, 3.2274795311352618],
  [2.5, 1.9999, 0.3898644809445507],
  [2.5, 2.0, 0.3897977588961997],
  [2.5, 2.0001, 0.3897310501721855],
  [2.5, 3.5, 0.0425242217662928],
  [2.5, 10.0, 2.393132586462789e-05],
  [2.5, 50.0, 3.627839645299048e-23],
  [2.5, 200.0, 1.2449350429724718e-88],
  [2.5, 650.0, 2.5246019729865795e-284],
  [10.3, 1e-06, 2.849398167818339e+70],
  [10.3, 0.01, 1.7978438684140843e+29],
  [10.3, 0.3, 109484756726288.88],
  [10.3, 1.0, 439640174.2759579],
  [10.3, 1.9999, 322085.26656769187],
  [10.3, 2.0, 321916.01339304505],
  [10.3, 2.0001, 321746.8572779678],
  [10.3, 3.5, 813.8034375694415],
  [10.3, 10.0, 0.002094240106060587],
  [10.3, 50.0, 9.716035986948493e-23],
  [10.3, 200.0, 1.59680570499668e-88],
  [10.3, 650.0, 2.7259656801203465e-284],
];

// [x, scipy.special.kv(0.25, x)] from scipy 1.10.1 (AMOS zbesk), bias included: these are the values the
// Cramér–von Mises p-value must be built from to agree with scipy.
const SCIPY_KV_QUARTER: readonly (readonly [number, number])[] = [
  [1e-06, 68.1072278897349],
  [0.0001, 21.351915864398094],
  [0.0165, 5.276902238814404],
  [0.1, 2.6851568718760555],
  [0.412, 1.1372110858518405],
  [0.7, 0.6805753644010555],
  [1.0, 0.4307397744485814],
  [1.335, 0.270404671854584],
  [1.5, 0.21735815698179464],
  [1.8, 0.14801215466821696],
  [1.99, 0.11681099287045503],
  [2.0, 0.11537827684084918],
  [2.5, 0.06301715899861954],
  [5.0, 0.0037123027320318403],
  [7.3, 0.00030960534237252553],
  [20.0, 5.750002072403683e-10],
  [100.0, 4.65807645150984e-45],
  [600.0, 1.355899090158334e-262],
];

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('besselK', () => {
  it.each(BESSEL_CASES)('K_%d(%d) matches mpmath to 1e-14 relative', (nu, x, expected) => {
    expect(relativeError(besselK(nu, x), expected)).toBeLessThanOrEqual(1e-14);
  });

  it('K_{1/4} stays within 1e-14 of mpmath from 1e-6 to 700', () => {
    // mpmath besselk(0.25, x) at the ends and around the switch at x = 2
    const cases: [number, number][] = [
      [1e-6, 68.10722788973494],
      [1.9999999, 0.11537829107338403],
      [2.0000001, 0.1153782626083314],
      [700, 4.669984759813366e-306],
    ];
    for (const [x, expected] of cases) expect(relativeError(besselK(0.25, x), expected)).toBeLessThanOrEqual(1e-14);
  });

  it('equals the closed form √(π/2x)·e^(−x)·(1 + 1/x) at order 3/2 and is even in the order', () => {
    for (const x of [0.001, 0.5, 1.7, 2.3, 9, 80]) {
      const expected = Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x) * (1 + 1 / x);
      expect(relativeError(besselK(1.5, x), expected)).toBeLessThanOrEqual(1e-14);
      expect(besselK(-0.3, x)).toBe(besselK(0.3, x));
    }
  });

  it('satisfies the recurrence K_{ν+1} = K_{ν−1} + (2ν/x)·K_ν and decreases in x', () => {
    for (const nu of [0.25, 0.6, 1.3]) {
      let previous = Infinity;
      for (const x of [0.05, 0.9, 1.99, 2.01, 4, 15]) {
        const lhs = besselK(nu + 1, x);
        const rhs = besselK(nu - 1, x) + ((2 * nu) / x) * besselK(nu, x);
        expect(relativeError(lhs, rhs)).toBeLessThanOrEqual(1e-14);
        const value = besselK(nu, x);
        expect(value).toBeLessThan(previous);
        previous = value;
      }
    }
  });

  it('underflows to 0 for huge x and is 0 at Infinity', () => {
    expect(besselK(0.25, 800)).toBe(0);
    expect(besselK(0.25, Infinity)).toBe(0);
  });

  it('rejects x ≤ 0, NaN and non-finite orders', () => {
    expect(() => besselK(0.25, 0)).toThrow(/^besselK: x must be > 0, got 0/);
    expect(() => besselK(0.25, -1)).toThrow(RangeError);
    expect(() => besselK(0.25, Number.NaN)).toThrow(/x must be > 0, got NaN/);
    expect(() => besselK(Infinity, 1)).toThrow(/^besselK: nu must be a finite number, got Infinity/);
    expect(() => besselKLikeScipy(Number.NaN, 1)).toThrow(/^besselKLikeScipy: nu must be a finite number/);
  });
});

describe('besselKLikeScipy', () => {
  it.each(SCIPY_KV_QUARTER)('K_{1/4}(%d) matches scipy.special.kv to 5e-15 relative', (x, expected) => {
    expect(relativeError(besselKLikeScipy(0.25, x), expected)).toBeLessThanOrEqual(5e-15);
  });

  it('differs from the accurate besselK only for x ≤ 2 and |μ| in (0.1, 0.5)', () => {
    // scipy's own bias reaches −6.6e-14 at x = 2: the two functions must differ there and agree past the switch.
    expect(relativeError(besselKLikeScipy(0.25, 2), besselK(0.25, 2))).toBeGreaterThan(1e-14);
    expect(besselKLikeScipy(0.25, 2.5)).toBe(besselK(0.25, 2.5));
    expect(besselKLikeScipy(0.05, 1)).toBe(besselK(0.05, 1));
    expect(besselKLikeScipy(0.5, 1)).toBe(besselK(0.5, 1));
  });
});
