//! The crate's entry points into rayon, with the work passed as `&dyn Fn`.
//!
//! Why: a rayon call such as `(0..n).into_par_iter().for_each(closure)`
//! compiles rayon's whole splitting machinery (bridge, join, stack jobs)
//! once per closure type, and a generic kernel has one closure type per
//! element type and operation. Measured on the numox integration suite
//! (2026-11-27, `nm -S` of the test binary): 7,112 `join_context` closures
//! and 10,681 `StackJob::execute` bodies, a third of its 58 MB of code and
//! most of CI's compile time. Passing the work as a trait object compiles
//! that machinery once; the cost is one indirect call per unit of work,
//! and every caller hands out units of thousands of elements.

use rayon::prelude::*;

/// Runs `f(i)` for every `i` in `0..n` on rayon's pool.
pub(crate) fn for_each_index(n: usize, f: &(dyn Fn(usize) + Sync)) {
    (0..n).into_par_iter().for_each(f);
}

/// Runs `f(i)` for every `i` in `0..n`, on rayon's pool when `parallel`
/// and in order on the calling thread otherwise.
pub(crate) fn for_each_index_if(parallel: bool, n: usize, f: &(dyn Fn(usize) + Sync)) {
    if parallel {
        for_each_index(n, f);
    } else {
        (0..n).for_each(f);
    }
}

/// Runs `f(i, chunk)` for each `chunk`-element piece of `out` (the last may
/// be shorter), `i` counting pieces from 0, on rayon's pool.
pub(crate) fn for_each_chunk_mut<T: Send>(out: &mut [T], chunk: usize, f: &(dyn Fn(usize, &mut [T]) + Sync)) {
    out.par_chunks_mut(chunk.max(1))
        .enumerate()
        .for_each(|(i, c)| f(i, c));
}

/// Runs `f(i, item)` for each item of `items` (`i` its position) on
/// rayon's pool, for work split into owned pieces such as disjoint
/// mutable slices.
pub(crate) fn for_each_item<T: Send>(items: Vec<T>, f: &(dyn Fn(usize, T) + Sync)) {
    items.into_par_iter().enumerate().for_each(|(i, t)| f(i, t));
}

/// [`for_each_item`] with a scratch `s` per worker, made by `init`.
pub(crate) fn for_each_item_init<T: Send, S>(
    items: Vec<T>,
    init: &(dyn Fn() -> S + Sync),
    f: &(dyn Fn(&mut S, T) + Sync),
) {
    items.into_par_iter().for_each_init(init, f);
}

/// The work of [`try_for_each_chunk_mut`]: piece number and piece in, error out.
pub(crate) type FallibleChunkTask<'f, T, E> = dyn Fn(usize, &mut [T]) -> Result<(), E> + Sync + 'f;

/// Runs `f(i, chunk)` for each `chunk`-element piece of `out` on rayon's
/// pool, each task taking at least `min_len` pieces, and stops at the first
/// error (which one, when several fail, depends on the scheduling).
pub(crate) fn try_for_each_chunk_mut<T: Send, E: Send>(
    out: &mut [T],
    chunk: usize,
    min_len: usize,
    f: &FallibleChunkTask<'_, T, E>,
) -> Result<(), E> {
    out.par_chunks_mut(chunk.max(1))
        .enumerate()
        .with_min_len(min_len)
        .try_for_each(|(i, c)| f(i, c))
}

/// `[f(0), f(1), …, f(n - 1)]`, computed on rayon's pool.
pub(crate) fn map_collect<R: Send>(n: usize, f: &(dyn Fn(usize) -> R + Sync)) -> Vec<R> {
    (0..n).into_par_iter().map(f).collect()
}

/// `[f(s, 0), …, f(s, n - 1)]` on rayon's pool, where each worker makes its
/// own scratch `s` with `init` (a buffer reused across its items).
pub(crate) fn map_init_collect<S, R: Send>(
    n: usize,
    init: &(dyn Fn() -> S + Sync),
    f: &(dyn Fn(&mut S, usize) -> R + Sync),
) -> Vec<R> {
    (0..n).into_par_iter().map_init(init, f).collect()
}

/// Runs `a` and `b`, potentially in parallel ([`rayon::join`]), and returns
/// both results.
pub(crate) fn join<RA: Send, RB: Send>(
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB + Send,
) -> (RA, RB) {
    let (mut a, mut b) = (Some(a), Some(b));
    let (mut ra, mut rb) = (None, None);
    join_erased(&mut || ra = a.take().map(|a| a()), &mut || {
        rb = b.take().map(|b| b())
    });
    match (ra, rb) {
        (Some(ra), Some(rb)) => (ra, rb),
        // `join_erased` runs each side exactly once or propagates its panic.
        _ => unreachable!("rayon::join returned without running both sides"),
    }
}

/// Runs `f` on a thread of rayon's pool and returns its result: in place
/// when the caller is already one of the pool's threads, else on a worker
/// while the caller waits.
///
/// Why: a parallel call made from outside the pool (the user's main thread)
/// injects its job into the pool and puts the caller to sleep on a lock
/// until it is done, a futex wake-up and sleep every time. A decomposition
/// that makes a thousand small parallel calls (faer's bidiagonalisation in
/// `svdvals`, 1000 x 1000) spent a quarter of its samples in the kernel's
/// scheduler that way (`perf record`, 2026-11-27); from inside the pool the
/// same calls are cheap work-stealing joins.
pub(crate) fn on_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if rayon::current_thread_index().is_some() {
        return f();
    }
    let mut f = Some(f);
    let mut r = None;
    on_pool_erased(&mut || r = f.take().map(|f| f()));
    match r {
        Some(r) => r,
        // `rayon::scope` runs its body once or propagates its panic.
        None => unreachable!("rayon::scope returned without running its body"),
    }
}

/// [`on_pool`] when `cond`, else `f()` on the calling thread.
pub(crate) fn on_pool_if<R: Send>(cond: bool, f: impl FnOnce() -> R + Send) -> R {
    if cond { on_pool(f) } else { f() }
}

fn on_pool_erased(f: &mut (dyn FnMut() + Send)) {
    rayon::scope(|_| f());
}

fn join_erased(a: &mut (dyn FnMut() + Send), b: &mut (dyn FnMut() + Send)) {
    rayon::join(a, b);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn every_index_runs_once() {
        let hits: Vec<AtomicUsize> = (0..1000).map(|_| AtomicUsize::new(0)).collect();
        for_each_index(hits.len(), &|i| {
            hits[i].fetch_add(1, Ordering::Relaxed);
        });
        for_each_index_if(false, hits.len(), &|i| {
            hits[i].fetch_add(1, Ordering::Relaxed);
        });
        assert!(hits.iter().all(|h| h.load(Ordering::Relaxed) == 2));
    }

    #[test]
    fn chunks_collect_and_join() {
        let mut v = vec![0usize; 1003];
        for_each_chunk_mut(&mut v, 100, &|i, c| {
            for (j, x) in c.iter_mut().enumerate() {
                *x = i * 100 + j;
            }
        });
        assert!(v.iter().enumerate().all(|(i, &x)| i == x));
        let r = try_for_each_chunk_mut(&mut v, 10, 4, &|i, c| if i == 7 { Err(c[0]) } else { Ok(()) });
        assert_eq!(r, Err(70));
        assert_eq!(map_collect(5, &|i| i * i), vec![0, 1, 4, 9, 16]);
        let mut parts = vec![vec![0usize; 3]; 4];
        for_each_item(parts.iter_mut().collect(), &|i, p: &mut Vec<usize>| p.fill(i));
        assert_eq!(parts, (0..4).map(|i| vec![i; 3]).collect::<Vec<_>>());
        for_each_item_init(
            parts.iter_mut().collect(),
            &|| 7usize,
            &|s, p: &mut Vec<usize>| p.push(*s),
        );
        assert!(parts.iter().all(|p| p.len() == 4 && p[3] == 7));
        let sums = map_init_collect(4, &Vec::new, &|buf: &mut Vec<usize>, i| {
            buf.clear();
            buf.extend(0..=i);
            buf.iter().sum::<usize>()
        });
        assert_eq!(sums, vec![0, 1, 3, 6]);
        let (a, b) = join(|| 2 + 2, || "four".len());
        assert_eq!((a, b), (4, 4));
        // From outside the pool the body runs on a pool thread; nested, in place.
        let outer = on_pool(|| {
            (
                rayon::current_thread_index(),
                on_pool(rayon::current_thread_index),
            )
        });
        assert!(outer.0.is_some() && outer.0 == outer.1);
        if rayon::current_thread_index().is_none() {
            assert_eq!(on_pool_if(false, rayon::current_thread_index), None);
            assert!(on_pool_if(true, rayon::current_thread_index).is_some());
        }
    }
}
