/** The few statistics the benchmarks print: medians, percentiles and ranges of samples. */

/**
 * The `p`-th percentile (0 to 100) of `samples`, interpolated linearly between the two nearest
 * ranks. Throws on an empty list: a benchmark that measured nothing has a bug, not a result.
 */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (samples.length === 0) {
    throw new Error('percentile of no samples');
  }
  const sorted = Float64Array.from(samples).sort();
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

/** The median of `samples`: the statistic every table reports, as it shrugs off a noisy round. */
export function median(samples: ArrayLike<number>): number {
  return percentile(samples, 50);
}

/** The smallest and largest of `samples`. */
export function range(samples: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    min = Math.min(min, samples[i]!);
    max = Math.max(max, samples[i]!);
  }
  return { min, max };
}

/** Element-wise `a[i] / b[i]`: the ratios of two contenders measured in the same rounds. */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value / b[i]!);
}

/**
 * The Theil–Sen slope of the points (`xs[i]`, `ys[i]`): the median of the slopes between every
 * two points, that is how much `y` grows for each unit of `x`. Unlike the last value minus the
 * first, or a least-squares line, one odd reading cannot tip it.
 */
export function trendSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[j] !== xs[i]) {
        slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
      }
    }
  }
  return slopes.length === 0 ? 0 : median(slopes);
}
