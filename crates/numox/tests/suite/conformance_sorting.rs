//! Conformance of sorting, searching and set routines with NumPy 2.4.6:
//! every case recorded by `tools/refgen/gen_sorting.py` (sort, argsort,
//! lexsort, partition, argpartition, searchsorted, unique and the
//! `unique_*` functions, union1d, intersect1d, setdiff1d, setxor1d, isin)
//! over all 13 dtypes, ties, NaN, ±inf, ±0, empty and 0-d arrays, strided,
//! transposed and reversed views, and the error cases.
//!
//! Every comparison is exact (NaN == NaN, the sign of zero significant)
//! except where NumPy's own answer is not unique:
//! - ops marked `zero_sign_free` (NumPy's unstable sorts, and values taken
//!   from them) may place `-0.0` and `0.0`, which compare equal, in either
//!   order, so there the sign of zero is ignored;
//! - partition/argpartition leave the order inside each part unspecified:
//!   the test checks the partition invariant against NumPy's sorted lane.

use crate::common;

use common::{Case, assert_same, load_cases, param_isize_list};
use numox::array::slice::RangeEnd;
use numox::prelude::*;
use numox::{Scalar, Side, SliceElem, SliceInfo, SortElement, SortKind, UniqueOptions};
use serde_json::Value;
use std::cmp::Ordering;

/// The view a case works on: `base.transpose(perm)[slices]`.
fn view_of<'a, T>(base: &'a Array<T>, c: &Case) -> ArrayView<'a, T> {
    let mut v = base.view();
    if let Some(p) = c.param("perm") {
        v = v.permuted_axes(&param_isize_list(p)).unwrap();
    }
    if let Some(Value::Array(sl)) = c.param("slices") {
        let elems = sl.iter().map(|s| {
            let s = s.as_array().expect("[start, stop, step]");
            let get = |i: usize| s.get(i).and_then(Value::as_i64).map(|x| x as isize);
            SliceElem::Range {
                start: get(0),
                end: get(1).map_or(RangeEnd::Open, RangeEnd::Exclusive),
                step: get(2).unwrap_or(1),
            }
        });
        v = v.slice_move(SliceInfo::new(elems));
    }
    v
}

fn axis(c: &Case) -> Option<isize> {
    c.param("axis")
        .map(|x| x.as_i64().expect("integer axis") as isize)
}

fn flag(c: &Case, name: &str) -> bool {
    c.param(name).and_then(Value::as_bool).unwrap_or(false)
}

fn kind(c: &Case) -> SortKind {
    match c.param("kind").and_then(Value::as_str) {
        Some("stable") => SortKind::Stable,
        Some("mergesort") => SortKind::Mergesort,
        Some("heapsort") => SortKind::Heapsort,
        _ => SortKind::Quicksort,
    }
}

/// `-0.0` as `0.0` (each part for complex), for answers NumPy may give with either sign.
fn zero_free<T: Element>(a: &Array<T>) -> Array<T> {
    a.mapv(|x| match x.to_scalar() {
        Scalar::Float(f) if f.abs() == 0.0 => T::from_scalar(Scalar::Float(0.0)),
        Scalar::Complex(z) if z.re == 0.0 || z.im == 0.0 => {
            let fix = |v: f64| if v == 0.0 { 0.0 } else { v };
            T::from_scalar(Scalar::Complex(numox::Complex64::new(fix(z.re), fix(z.im))))
        }
        _ => x,
    })
}

/// Exact comparison, or ignoring the sign of zero for `zero_sign_free` cases.
fn check<T: Element>(got: &Array<T>, want: &Array<T>, c: &Case, what: &str) {
    let ctx = format!("{} [{what}]", c.ctx());
    // The Array API unique_* functions use NumPy's hash table, which keeps
    // an unspecified one of -0.0 and 0.0.
    if flag(c, "zero_sign_free") || c.op.starts_with("unique_") {
        assert_same(&zero_free(got), &zero_free(want), ctx);
    } else {
        assert_same(got, want, ctx);
    }
}

/// Checks that `got` (one lane) is a partition of the sorted lane `sorted` at `ks`.
fn check_partition_lane<T: SortElement>(got: &[T], sorted: &[T], ks: &[usize], c: &Case) {
    let mut g = got.to_vec();
    g.sort_by(|a, b| a.np_cmp(b));
    for (x, y) in g.iter().zip(sorted) {
        assert_eq!(
            x.np_cmp(y),
            Ordering::Equal,
            "{}: not a permutation of the lane",
            c.ctx()
        );
    }
    for &k in ks {
        let pivot = &got[k];
        assert_eq!(
            pivot.np_cmp(&sorted[k]),
            Ordering::Equal,
            "{}: kth={k} holds the wrong value",
            c.ctx()
        );
        assert!(
            got[..k].iter().all(|x| x.np_cmp(pivot).is_le()),
            "{}: a larger value before kth={k}",
            c.ctx()
        );
        assert!(
            got[k + 1..].iter().all(|x| x.np_cmp(pivot).is_ge()),
            "{}: a smaller value after kth={k}",
            c.ctx()
        );
    }
}

/// The partitioned lanes of `r` and of NumPy's sorted `s` along the case's axis.
fn lanes<T: Element>(r: &Array<T>, s: &Array<T>, ax: Option<isize>) -> Vec<(Vec<T>, Vec<T>)> {
    match ax {
        None => vec![(r.to_vec(), s.to_vec())],
        Some(ax) => r
            .lanes(ax)
            .unwrap()
            .zip(s.lanes(ax).unwrap())
            .map(|(x, y)| (x.to_vec(), y.to_vec()))
            .collect(),
    }
}

fn kth_positions(c: &Case, n: usize) -> Vec<usize> {
    param_isize_list(c.param("kth").expect("kth"))
        .into_iter()
        .map(|k| {
            if k < 0 {
                (k + n as isize) as usize
            } else {
                k as usize
            }
        })
        .collect()
}

/// The inverse of `unique(.., return_inverse=True, equal_nan=False)`:
/// NumPy's unstable sort orders the NaNs (each its own unique value)
/// arbitrarily, so which NaN slot a NaN maps to is unspecified. Exact for
/// every other element; for NaNs, the answer must point at NaN slots, each
/// used once, the same slots NumPy used.
fn check_nan_inverse<T: SortElement>(
    a: &ArrayView<'_, T>,
    values: &Array<T>,
    got: &Array<i64>,
    want: &Array<i64>,
    c: &Case,
) {
    assert_eq!(got.shape(), want.shape(), "{}", c.ctx());
    let vals = values.to_vec();
    let (mut gn, mut wn) = (vec![], vec![]);
    for ((x, &g), &w) in a.iter().zip(got.iter()).zip(want.iter()) {
        if x.np_isnan() {
            assert!(vals[g as usize].np_isnan(), "{}: a NaN maps to a number", c.ctx());
            gn.push(g);
            wn.push(w);
        } else {
            assert_eq!(g, w, "{}: inverse of {x:?}", c.ctx());
        }
    }
    gn.sort_unstable();
    wn.sort_unstable();
    assert_eq!(gn, wn, "{}: NaN slots", c.ctx());
}

/// Runs the case with numox; compares with NumPy's outputs when NumPy
/// succeeded. Returns numox's error, if any.
fn run<T: SortElement>(c: &Case) -> numox::Result<()> {
    let ok = c.error.is_none();
    match c.op.as_str() {
        "sort" | "sort_argsort" => {
            let base = c.input::<T>(0);
            let a = view_of(&base, c);
            let r = numox::sort(&a, axis(c), kind(c))?;
            if !ok {
                return Ok(());
            }
            check(&r, &c.output::<T>(0), c, "sort");
            // The method forms agree with the free function.
            assert_same(&a.sorted(axis(c)).unwrap(), &r, c.ctx());
            if let Some(ax) = axis(c) {
                let mut m = a.to_owned();
                m.sort_inplace(ax).unwrap();
                assert_same(&m, &r, c.ctx());
            }
            if c.op == "sort_argsort" {
                let i = numox::argsort(&a, axis(c), kind(c))?;
                assert_same(&i, &c.output::<i64>(1), c.ctx());
            }
        }
        "argsort" => {
            let base = c.input::<T>(0);
            let a = view_of(&base, c);
            let r = numox::argsort(&a, axis(c), kind(c))?;
            if !ok {
                return Ok(());
            }
            assert_same(&r, &c.output::<i64>(0), c.ctx());
            assert_same(&a.argsort(axis(c)).unwrap(), &r, c.ctx());
        }
        "lexsort" => {
            let keys: Vec<Array<T>> = (0..c.inputs.len()).map(|k| c.input::<T>(k)).collect();
            let views: Vec<ArrayView<'_, T>> = keys.iter().map(|k| k.view()).collect();
            let r = numox::lexsort(&views, axis(c).expect("lexsort axis"))?;
            if ok {
                assert_same(&r, &c.output::<i64>(0), c.ctx());
            }
        }
        "partition" | "argpartition" => {
            let base = c.input::<T>(0);
            let a = view_of(&base, c);
            let kth = param_isize_list(c.param("kth").expect("kth"));
            let ax = axis(c);
            let vals = if c.op == "partition" {
                numox::partition(&a, &kth, ax)?
            } else {
                let idx = numox::argpartition(&a, &kth, ax)?;
                let src = match ax {
                    None => Array::from_vec(a.to_vec()),
                    Some(_) => a.to_owned(),
                };
                let axn = ax.unwrap_or(0);
                // every lane of indices is a permutation of 0..n
                for lane in idx.lanes(axn).unwrap() {
                    let mut l = lane.to_vec();
                    l.sort_unstable();
                    assert!(
                        l.iter().enumerate().all(|(i, &x)| x == i as i64),
                        "{}: not a permutation",
                        c.ctx()
                    );
                }
                numox::take_along_axis(&src, &idx, Some(axn)).unwrap()
            };
            if !ok {
                return Ok(());
            }
            assert_eq!(vals.shape(), c.outputs[0].shape(), "{}", c.ctx());
            let sorted = c.output::<T>(1);
            for (g, s) in lanes(&vals, &sorted, ax) {
                if s.is_empty() {
                    continue; // NumPy accepts any kth for an empty array
                }
                let ks = kth_positions(c, s.len());
                check_partition_lane(&g, &s, &ks, c);
            }
        }
        "searchsorted" => {
            let hay_base = c.input::<T>(0);
            let hay = match c.param("hay_step") {
                Some(s) => hay_base.slice(s![..;s.as_i64().unwrap() as isize]),
                None => hay_base.view(),
            };
            let q_base = c.input::<T>(1);
            let q = if flag(c, "q_reverse_last") {
                q_base.slice(s![.., ..;-1])
            } else {
                q_base.view()
            };
            let sorter = (c.inputs.len() > 2).then(|| c.input::<i64>(2));
            let sv = sorter.as_ref().map(|s| s.view());
            match c.param("side").and_then(Value::as_str) {
                Some("both") => {
                    let l = numox::searchsorted(&hay, &q, Side::Left, sv.clone())?;
                    let r = numox::searchsorted(&hay, &q, Side::Right, sv)?;
                    if ok {
                        assert_same(&l, &c.output::<i64>(0), c.ctx());
                        assert_same(&r, &c.output::<i64>(1), c.ctx());
                    }
                }
                side => {
                    let side = if side == Some("right") {
                        Side::Right
                    } else {
                        Side::Left
                    };
                    let r = numox::searchsorted(&hay, &q, side, sv)?;
                    if ok {
                        assert_same(&r, &c.output::<i64>(0), c.ctx());
                    }
                }
            }
        }
        "unique" => {
            let base = c.input::<T>(0);
            let a = view_of(&base, c);
            let mut o =
                UniqueOptions::new().equal_nan(c.param("equal_nan").and_then(Value::as_bool).unwrap_or(true));
            o.return_index = flag(c, "return_index");
            o.return_inverse = flag(c, "return_inverse");
            o.return_counts = flag(c, "return_counts");
            o.axis = axis(c);
            let u = numox::unique_with(&a, &o)?;
            if !ok {
                return Ok(());
            }
            check(&u.values, &c.output::<T>(0), c, "values");
            let mut k = 1;
            for (is_inv, want, got) in [
                (false, o.return_index, &u.indices),
                (true, o.return_inverse, &u.inverse),
                (false, o.return_counts, &u.counts),
            ] {
                assert_eq!(want, got.is_some(), "{}", c.ctx());
                if let Some(g) = got {
                    let w = c.output::<i64>(k);
                    if is_inv && !o.equal_nan && !o.return_index && o.axis.is_none() {
                        check_nan_inverse(&a, &u.values, g, &w, c);
                    } else {
                        assert_same(g, &w, c.ctx());
                    }
                    k += 1;
                }
            }
            if o == UniqueOptions::new() {
                assert_same(&numox::unique(&a), &u.values, c.ctx());
            }
        }
        "unique_values" => {
            let a = c.input::<T>(0);
            check(&numox::unique_values(&a), &c.output::<T>(0), c, "values");
        }
        "unique_counts" => {
            let a = c.input::<T>(0);
            let (v, n) = numox::unique_counts(&a);
            check(&v, &c.output::<T>(0), c, "values");
            assert_same(&n, &c.output::<i64>(1), c.ctx());
        }
        "unique_inverse" => {
            let a = c.input::<T>(0);
            let (v, i) = numox::unique_inverse(&a);
            check(&v, &c.output::<T>(0), c, "values");
            check_nan_inverse(&a.view(), &v, &i, &c.output::<i64>(1), c);
        }
        "unique_all" => {
            let a = c.input::<T>(0);
            let u = numox::unique_all(&a);
            check(&u.values, &c.output::<T>(0), c, "values");
            assert_same(&u.indices, &c.output::<i64>(1), c.ctx());
            assert_same(&u.inverse_indices, &c.output::<i64>(2), c.ctx());
            assert_same(&u.counts, &c.output::<i64>(3), c.ctx());
        }
        "union1d" | "setxor1d" | "setdiff1d" | "intersect1d" | "isin" => {
            let (x, y) = (c.input::<T>(0), c.input::<T>(1));
            let au = flag(c, "assume_unique");
            match c.op.as_str() {
                "union1d" => check(&numox::union1d(&x, &y), &c.output::<T>(0), c, "union1d"),
                "setxor1d" => check(&numox::setxor1d(&x, &y, au), &c.output::<T>(0), c, "setxor1d"),
                "setdiff1d" => check(&numox::setdiff1d(&x, &y, au), &c.output::<T>(0), c, "setdiff1d"),
                "intersect1d" if flag(c, "return_indices") => {
                    let (v, i, j) = numox::intersect1d_indices(&x, &y, au);
                    check(&v, &c.output::<T>(0), c, "values");
                    assert_same(&i, &c.output::<i64>(1), c.ctx());
                    assert_same(&j, &c.output::<i64>(2), c.ctx());
                    assert_same(&numox::intersect1d(&x, &y, au), &v, c.ctx());
                }
                "intersect1d" => check(
                    &numox::intersect1d(&x, &y, au),
                    &c.output::<T>(0),
                    c,
                    "intersect1d",
                ),
                _ => {
                    let r = numox::isin(&x, &y, au, flag(c, "invert"));
                    assert_same(&r, &c.output::<bool>(0), c.ctx());
                }
            }
        }
        other => panic!("unknown op {other}"),
    }
    Ok(())
}

#[test]
fn sorting_matches_numpy() {
    let cases = load_cases("sorting");
    let mut checked = 0;
    for c in &cases {
        let dt = c.inputs[0].dtype();
        macro_rules! go {
            ($($t:ty),*) => {{
                let mut r = None;
                $(if dt == <$t as Element>::DTYPE {
                    r = Some(run::<$t>(c));
                })*
                r.unwrap_or_else(|| panic!("{}: dtype {dt:?}", c.ctx()))
            }};
        }
        let r = go!(
            bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex32, Complex64
        );
        match (&c.error, r) {
            (None, Ok(())) => {}
            (Some(_), Err(_)) => {}
            (None, Err(e)) => panic!("{}: numox failed where NumPy succeeded: {e}", c.ctx()),
            (Some(e), Ok(())) => panic!("{}: NumPy raised {e}, numox succeeded", c.ctx()),
        }
        checked += 1;
    }
    assert_eq!(checked, 1293, "every recorded case is checked");
}
