// Statistics for the benchmark: medians, percentiles, and a bootstrap 95% interval for the ratio
// (or the difference) of two medians over paired samples (Tessera vs the floor, worker vs main
// thread), with a seeded PRNG so that a run's output is reproducible in shape.
import { prng } from './synth.mjs';

/** The q-quantile (0..1) of `xs`, linear between closest ranks. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
export const median = (xs) => quantile(xs, 0.5);

/** { median, p10, p90, n } of `xs`, rounded to 0.01 ms. */
export function summary(xs) {
  const r = (x) => Math.round(x * 100) / 100;
  return { median: r(median(xs)), p10: r(quantile(xs, 0.1)), p90: r(quantile(xs, 0.9)), n: xs.length };
}

/**
 * `stat(median(a), median(b))` for paired samples a[i], b[i], with a bootstrap 95% interval:
 * `resamples` times, draw the pairs with replacement and apply `stat` to the medians of the draw;
 * the 2.5th and 97.5th percentiles of those values bound the interval. Rounded to 0.001.
 */
function bootstrap(a, b, stat, { resamples = 2000, seed = 13 } = {}) {
  const n = Math.min(a.length, b.length);
  const rand = prng(seed);
  const values = [];
  for (let k = 0; k < resamples; k++) {
    const ra = [], rb = [];
    for (let i = 0; i < n; i++) { const j = rand() % n; ra.push(a[j]); rb.push(b[j]); }
    values.push(stat(median(ra), median(rb)));
  }
  const r = (x) => Math.round(x * 1000) / 1000;
  return { value: r(stat(median(a.slice(0, n)), median(b.slice(0, n)))), lo: r(quantile(values, 0.025)), hi: r(quantile(values, 0.975)), resamples };
}

/** median(a) / median(b) for paired samples a[i], b[i], with a bootstrap 95% interval. */
export function ratio(a, b, options) {
  const { value, ...interval } = bootstrap(a, b, (x, y) => x / y, options);
  return { ratio: value, ...interval };
}

/**
 * (median(a) - median(b)) / scale for paired samples a[i], b[i], with a bootstrap 95% interval
 * (e.g. the extra milliseconds per component, with `scale` components).
 */
export function difference(a, b, { scale = 1, ...options } = {}) {
  const { value, ...interval } = bootstrap(a, b, (x, y) => (x - y) / scale, options);
  return { diff: value, ...interval };
}

/** Fisher-Yates shuffle with the given PRNG (returns a new array). */
export function shuffle(xs, rand) {
  const s = [...xs];
  for (let i = s.length - 1; i > 0; i--) { const j = rand() % (i + 1); [s[i], s[j]] = [s[j], s[i]]; }
  return s;
}
