//! One stable sort for the whole program. The standard library's `sort_by_key` is compiled again
//! for every element type and key closure (about 4 KiB of wasm each, ten of them in this app);
//! here the sorting itself is one function over indices with a comparison passed by reference,
//! and only a few lines that move the elements are compiled per type. The lists it sorts are
//! small (a diagram's kinds, a file's problems, an organisation's rows), so the indirect call per
//! comparison costs nothing that shows.

/// The order (a permutation of `0..n`) that sorts `n` items by `less`, equal items keeping their
/// order: insertion sort in runs of 8, then bottom-up merges.
pub fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    const RUN: usize = 8;
    let mut a: Vec<usize> = (0..n).collect();
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            let mut j = i;
            while j > start && less(x, a[j - 1]) {
                a[j] = a[j - 1];
                j -= 1;
            }
            a[j] = x;
        }
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // The left run's item goes first unless the right one is strictly less.
                if i < mid && (j >= hi || !less(a[j], a[i])) {
                    *slot = a[i];
                    i += 1;
                } else {
                    *slot = a[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Sorts `v` by `less`, stably (as `slice::sort_by` with `less` as the ordering).
pub fn sort_by<T>(v: &mut Vec<T>, mut less: impl FnMut(&T, &T) -> bool) {
    let order = stable_order(v.len(), &mut |a, b| less(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `v` by the key of each item, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in 0..300 {
            // Few distinct keys, so most items tie and stability is what is tested.
            let keys = 1 + next() % 6;
            let v: Vec<(u64, usize)> = (0..n).map(|i| (next() % keys, i)).collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut got = v.clone();
            sort_by_key(&mut got, |p| p.0);
            assert_eq!(got, want, "n = {n}");
            let mut desc = v.clone();
            sort_by(&mut desc, |a, b| a.0 > b.0);
            want.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(desc, want, "descending, n = {n}");
        }
    }
}
