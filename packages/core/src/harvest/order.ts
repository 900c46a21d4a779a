/*
 * Ordering households for allocate() without a full sort: a bucket sort by
 * balance and a quickselect of the lowest costs (why: docs/harvest.md).
 */

/**
 * `members[from..to)` (ascending positions) ordered by balance, ties by
 * position, into `out`. A bucket sort: linear for the usual spread of
 * balances, and peers with one history share one balance, which the stable
 * pass already leaves in order.
 */
export function sortByBalance(
  members: Int32Array,
  from: number,
  to: number,
  balance: Float64Array,
  out: Int32Array,
  bucket: Int32Array,
  count: Int32Array,
) {
  const n = to - from;
  let min = Infinity;
  let max = -Infinity;
  for (let k = from; k < to; k++) {
    const b = balance[members[k]!]!;
    if (b < min) min = b;
    if (b > max) max = b;
  }
  if (!(max > min)) {
    out.set(members.subarray(from, to));
    return;
  }
  const scale = (n - 1) / (max - min);
  count.fill(0, 0, n + 1);
  for (let k = 0; k < n; k++) {
    const b = Math.floor((balance[members[from + k]!]! - min) * scale);
    bucket[k] = b;
    count[b + 1]!++;
  }
  for (let b = 1; b <= n; b++) count[b]! += count[b - 1]!;
  for (let k = 0; k < n; k++) out[count[bucket[k]!]!++] = members[from + k]!;
  // count[b] is now where bucket b ends: order inside each.
  let start = 0;
  for (let b = 0; b < n; b++) {
    const end = count[b]!;
    if (end - start > 1) orderRange(out, start, end, balance);
    start = end;
  }
}

/** Sort `list[from..to)` by balance, ties by position: insertion sort when small. */
function orderRange(list: Int32Array, from: number, to: number, balance: Float64Array) {
  const after = (a: number, b: number) => balance[a]! > balance[b]! || (balance[a] === balance[b] && a > b);
  if (to - from > 16) {
    for (let k = from + 1; k < to; k++)
      if (after(list[k - 1]!, list[k]!)) {
        list.subarray(from, to).sort((a, b) => balance[a]! - balance[b]! || a - b);
        return;
      }
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const i = list[k]!;
    let j = k - 1;
    while (j >= from && after(list[j]!, i)) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = i;
  }
}

/**
 * Reorder `list[0..length)` so that its first `k` entries are the `k` that
 * come first by tier, then priority, then index (= household ID order).
 * Quickselect: linear on average, where sorting would cost n log n per
 * item. The order is total, so the chosen set does not depend on pivots.
 */
export function selectLowest(list: Int32Array, length: number, k: number, tier: Int8Array, priority: Float64Array) {
  const before = (a: number, b: number) => {
    const ta = tier[a]!;
    const tb = tier[b]!;
    if (ta !== tb) return ta < tb;
    const pa = priority[a]!;
    const pb = priority[b]!;
    return pa < pb || (pa === pb && a < b);
  };
  if (k <= 0 || k >= length) return;
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    // Median of three as the pivot keeps sorted or reversed input linear.
    const mid = (lo + hi) >>> 1;
    let a = list[lo]!;
    let b = list[mid]!;
    let c = list[hi]!;
    if (before(b, a)) [a, b] = [b, a];
    if (before(c, b)) {
      [b, c] = [c, b];
      if (before(b, a)) [a, b] = [b, a];
    }
    const pivot = b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(list[i]!, pivot)) i++;
      while (before(pivot, list[j]!)) j--;
      if (i <= j) {
        const t = list[i]!;
        list[i] = list[j]!;
        list[j] = t;
        i++;
        j--;
      }
    }
    // Now [lo..j] come before the pivot and [i..hi] after; keep the side
    // holding index k - 1, or stop when it is the pivot itself.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}
