/**
 * Two small embedding samples (5 and 4 vectors of dimension 3) with numpy/scipy values in the cosine, median-heuristic and
 * Gaussian MMD tests: X is the reference sample, Y the current one.
 */
export const X = [
  [0.5, 1.0, -0.25],
  [1.5, -0.5, 0.0],
  [2.0, 0.25, 1.0],
  [-1.0, 0.0, 0.5],
  [0.0, 2.0, 1.5],
];
export const Y = [
  [1.0, 1.0, 1.0],
  [3.0, 0.5, -0.5],
  [2.5, 2.0, 0.0],
  [0.5, -1.5, 2.0],
];
