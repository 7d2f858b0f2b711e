//! NumPy's `einsum`: Einstein summation over labelled axes.
//!
//! The subscripts are NumPy's: letters `a-z`, `A-Z`, an optional `...`
//! (broadcast axes) per operand, `->` with an explicit output or, without
//! it, the implicit output (the ellipsis axes, then every letter that
//! appears exactly once, in ASCII order). A letter repeated within one
//! operand takes a diagonal; a letter of length 1 broadcasts against the
//! same letter elsewhere.
//!
//! Evaluation: each operand becomes a strided view (diagonals and
//! broadcasts cost no copy); operands are then contracted two at a time,
//! every pairwise contraction reshaped into a batched matrix product
//! `(B, M, K) x (B, K, N)` that runs on faer's matrix multiplication for the
//! float and complex types. With three or more operands the pair contracted
//! next is chosen greedily: the one whose result is smallest (then the
//! cheapest), which finds the optimal order for chains such as
//! `ij,jk,kl->il` in practice (NumPy's `optimize='greedy'` strategy).

use super::products::{Operand, gemm};
use super::stack::{batch_parallel, inner_par};
use crate::array::{Array, ArrayView, ViewRepr};
use crate::element::Numeric;
use crate::error::{Error, Result};
use crate::manip::AsArrayView;
use crate::ufunc::kernel::InPtr;
use smallvec::SmallVec;
use std::ptr::NonNull;

/// A label: a letter's ASCII code, or `ELL + i` for ellipsis axis `i`
/// (counted in the broadcast ellipsis, left to right).
type Label = u32;
const ELL: Label = 1000;

/// One parsed operand term: its labels, with `None` for the ellipsis position.
fn parse_term(term: &str, what: &str) -> Result<(Vec<Label>, Option<usize>)> {
    let mut labels = Vec::new();
    let mut ell = None;
    let b = term.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let ch = b[i];
        if ch == b'.' {
            if b.len() >= i + 3 && &b[i..i + 3] == b"..." && ell.is_none() {
                ell = Some(labels.len());
                i += 3;
                continue;
            }
            return Err(Error::invalid(format!(
                "einsum: invalid ellipsis in the {what} subscripts '{term}'"
            )));
        }
        if !ch.is_ascii_alphabetic() {
            return Err(Error::invalid(format!(
                "einsum: invalid subscript '{}' in the {what} subscripts '{term}' (use letters a-z, A-Z and '...')",
                ch as char
            )));
        }
        labels.push(ch as Label);
        i += 1;
    }
    Ok((labels, ell))
}

/// A tensor with one label per axis (labels distinct).
struct Tensor<'a, T> {
    view: Option<ArrayView<'a, T>>,
    owned: Option<Array<T>>,
    labels: Vec<Label>,
}

impl<T> Tensor<'_, T> {
    fn view(&self) -> ArrayView<'_, T> {
        match (&self.view, &self.owned) {
            (Some(v), _) => v.view(),
            (None, Some(o)) => o.view(),
            _ => unreachable!("a tensor holds a view or an array"),
        }
    }
}

/// Einstein summation (NumPy's `einsum`) of `operands` as described by
/// `subscripts`.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::einsum;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let b = array![[5.0, 6.0], [7.0, 8.0]];
/// assert_eq!(einsum("ij,jk->ik", &[&a, &b]).unwrap(), numox::matmul(&a, &b).unwrap());
/// assert_eq!(einsum("ii", &[&a]).unwrap().into_scalar(), 5.0);          // trace
/// assert_eq!(einsum("ji", &[&a]).unwrap(), a.t().to_owned());            // implicit output: transpose
/// assert_eq!(einsum("ij->j", &[&a]).unwrap(), array![4.0, 6.0]);        // column sums
/// let s = Array::from_shape_vec(&[2, 2, 2], (0..8).map(|x| x as f64).collect()).unwrap();
/// assert_eq!(einsum("...ij,...jk", &[&s, &s]).unwrap(), numox::matmul(&s, &s).unwrap());
/// ```
pub fn einsum<T: Numeric, V: AsArrayView<T>>(subscripts: &str, operands: &[V]) -> Result<Array<T>> {
    let sub: String = subscripts.chars().filter(|c| !c.is_whitespace()).collect();
    let (lhs, rhs) = match sub.find("->") {
        Some(p) => (&sub[..p], Some(&sub[p + 2..])),
        None => (&sub[..], None),
    };
    let terms: Vec<&str> = lhs.split(',').collect();
    if terms.len() != operands.len() {
        return Err(Error::invalid(format!(
            "einsum: {} operand terms in the subscripts but {} operands given",
            terms.len(),
            operands.len()
        )));
    }
    let views: Vec<ArrayView<'_, T>> = operands.iter().map(|o| o.as_array_view()).collect();
    // Parse and expand ellipses.
    let mut parsed = Vec::with_capacity(terms.len());
    let mut ell_rank = 0usize;
    for (k, (t, v)) in terms.iter().zip(&views).enumerate() {
        let (labels, ell) = parse_term(t, "input")?;
        let nd = v.ndim();
        let ne = match ell {
            Some(_) => nd.checked_sub(labels.len()).ok_or_else(|| {
                Error::invalid(format!(
                    "einsum: operand {k} has {nd} dimensions, fewer than its {} subscripts",
                    labels.len()
                ))
            })?,
            None => {
                if labels.len() != nd {
                    return Err(Error::invalid(format!(
                        "einsum: operand {k} has {nd} dimensions but {} subscripts ('{t}')",
                        labels.len()
                    )));
                }
                0
            }
        };
        ell_rank = ell_rank.max(ne);
        parsed.push((labels, ell, ne));
    }
    let mut full: Vec<Vec<Label>> = Vec::with_capacity(parsed.len());
    for (labels, ell, ne) in &parsed {
        let mut f = Vec::with_capacity(labels.len() + ne);
        match ell {
            Some(p) => {
                f.extend_from_slice(&labels[..*p]);
                f.extend((0..*ne).map(|i| ELL + (ell_rank - ne + i) as Label));
                f.extend_from_slice(&labels[*p..]);
            }
            None => f.extend_from_slice(labels),
        }
        full.push(f);
    }
    // Output labels.
    let out: Vec<Label> = match rhs {
        Some(r) => {
            let (labels, ell) = parse_term(r, "output")?;
            if ell.is_none() && ell_rank > 0 {
                return Err(Error::invalid(
                    "einsum: output has more dimensions than subscripts given in einstein sum, but no '...' \
                     ellipsis provided to broadcast the extra dimensions.",
                ));
            }
            let mut o = Vec::new();
            if let Some(p) = ell {
                o.extend_from_slice(&labels[..p]);
                o.extend((0..ell_rank).map(|i| ELL + i as Label));
                o.extend_from_slice(&labels[p..]);
            } else {
                o = labels;
            }
            for (i, l) in o.iter().enumerate() {
                if o[..i].contains(l) {
                    return Err(Error::invalid(format!(
                        "einsum: output subscript '{}' appears more than once",
                        *l as u8 as char
                    )));
                }
                if *l < ELL && !full.iter().any(|f| f.contains(l)) {
                    return Err(Error::invalid(format!(
                        "einsum: output subscript '{}' does not appear in the input subscripts",
                        *l as u8 as char
                    )));
                }
            }
            o
        }
        None => {
            let mut o: Vec<Label> = (0..ell_rank).map(|i| ELL + i as Label).collect();
            let mut letters: Vec<Label> = Vec::new();
            for f in &full {
                for &l in f {
                    if l < ELL && !letters.contains(&l) {
                        letters.push(l);
                    }
                }
            }
            letters.sort_unstable();
            for l in letters {
                let count: usize = full.iter().map(|f| f.iter().filter(|&&x| x == l).count()).sum();
                if count == 1 {
                    o.push(l);
                }
            }
            o
        }
    };
    // Sizes of the labels (1 broadcasts).
    let mut sizes: Vec<(Label, usize)> = Vec::new();
    for (k, (f, v)) in full.iter().zip(&views).enumerate() {
        for (ax, &l) in f.iter().enumerate() {
            let d = v.shape()[ax];
            match sizes.iter_mut().find(|(x, _)| *x == l) {
                Some((_, s)) => {
                    if *s == 1 {
                        *s = d;
                    } else if d != 1 && d != *s {
                        return Err(Error::invalid(format!(
                            "einsum: operands could not be broadcast together: size {d} of operand {k} for subscript \
                             '{}' differs from {}",
                            label_name(l),
                            *s
                        )));
                    }
                }
                None => sizes.push((l, d)),
            }
        }
    }
    let size_of = |l: Label| sizes.iter().find(|(x, _)| *x == l).map(|&(_, s)| s).unwrap_or(1);
    // Each operand as a strided view with distinct labels: repeated labels take
    // the diagonal (strides add), length-1 axes broadcast (stride 0).
    let mut tensors: Vec<Tensor<'_, T>> = Vec::with_capacity(views.len());
    for (f, v) in full.iter().zip(&views) {
        let mut labels: Vec<Label> = Vec::new();
        let mut shape: SmallVec<[usize; 4]> = SmallVec::new();
        let mut strides: SmallVec<[isize; 4]> = SmallVec::new();
        for (ax, &l) in f.iter().enumerate() {
            let (d, s) = (v.shape()[ax], v.strides()[ax]);
            if let Some(p) = labels.iter().position(|&x| x == l) {
                if shape[p] != d {
                    return Err(Error::invalid(format!(
                        "einsum: dimensions in operand for collapsing index '{}' don't match ({} != {d})",
                        label_name(l),
                        shape[p]
                    )));
                }
                strides[p] += s;
            } else {
                labels.push(l);
                shape.push(d);
                strides.push(s);
            }
        }
        for (i, &l) in labels.iter().enumerate() {
            let want = size_of(l);
            if shape[i] != want {
                // shape[i] == 1 (checked above): broadcast.
                shape[i] = want;
                strides[i] = 0;
            }
        }
        let ptr = NonNull::new(v.as_ptr() as *mut T).expect("array pointers are non-null");
        // SAFETY: the new layout only revisits elements of `v` (diagonals add
        // strides of equal-length axes, broadcasts use stride 0); it is read-only.
        let tv = unsafe {
            ArrayView::from_parts(
                ViewRepr::new(),
                ptr,
                shape.into_iter().collect(),
                strides.into_iter().collect(),
            )
        };
        tensors.push(Tensor {
            view: Some(tv),
            owned: None,
            labels,
        });
    }
    // Contract pairs greedily.
    while tensors.len() > 1 {
        let (mut bi, mut bj) = (0, 1);
        let mut best = (f64::INFINITY, f64::INFINITY);
        for i in 0..tensors.len() {
            for j in i + 1..tensors.len() {
                let keep = keep_labels(&tensors, i, j, &out);
                let mut all: Vec<Label> = tensors[i].labels.clone();
                for &l in &tensors[j].labels {
                    if !all.contains(&l) {
                        all.push(l);
                    }
                }
                let res: f64 = all
                    .iter()
                    .filter(|l| keep.contains(l))
                    .map(|&l| size_of(l) as f64)
                    .product();
                let cost: f64 = all.iter().map(|&l| size_of(l) as f64).product();
                if (res, cost) < best {
                    best = (res, cost);
                    (bi, bj) = (i, j);
                }
            }
        }
        let keep = keep_labels(&tensors, bi, bj, &out);
        let y = tensors.remove(bj);
        let x = tensors.remove(bi);
        let z = contract(&x, &y, &keep, &size_of)?;
        tensors.insert(bi, z);
    }
    let last = tensors.pop().expect("at least one operand");
    // Sum what the output does not keep, then order the axes as the output.
    let t = sum_out(&last, &out)?;
    let perm: Vec<isize> = out
        .iter()
        .map(|l| t.labels.iter().position(|x| x == l).map(|p| p as isize))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| Error::invalid("einsum: output subscript without an input axis"))?;
    let r = t.view().permuted_axes(&perm)?.to_owned();
    Ok(r)
}

fn label_name(l: Label) -> String {
    if l >= ELL {
        format!("...[{}]", l - ELL)
    } else {
        (l as u8 as char).to_string()
    }
}

/// Labels needed after contracting tensors `i` and `j`: the output's and
/// those of every other tensor.
fn keep_labels<T>(tensors: &[Tensor<'_, T>], i: usize, j: usize, out: &[Label]) -> Vec<Label> {
    let mut keep: Vec<Label> = out.to_vec();
    for (k, t) in tensors.iter().enumerate() {
        if k != i && k != j {
            keep.extend(t.labels.iter().copied());
        }
    }
    keep
}

/// Sums `t` over its labels that are not in `keep`.
fn sum_out<'b, T: Numeric>(t: &'b Tensor<'_, T>, keep: &[Label]) -> Result<Tensor<'b, T>> {
    let (kept, summed): (Vec<usize>, Vec<usize>) =
        (0..t.labels.len()).partition(|&i| keep.contains(&t.labels[i]));
    let v = t.view();
    if summed.is_empty() {
        return Ok(Tensor {
            view: Some(v),
            owned: None,
            labels: t.labels.clone(),
        });
    }
    let perm: Vec<isize> = kept.iter().chain(&summed).map(|&i| i as isize).collect();
    let outer: usize = kept.iter().map(|&i| v.shape()[i]).product();
    let inner: usize = summed.iter().map(|&i| v.shape()[i]).product();
    let shape: Vec<usize> = kept.iter().map(|&i| v.shape()[i]).collect();
    let pv = v.permuted_axes(&perm)?;
    let flat = pv.reshape(&[outer as isize, inner as isize])?;
    let fv = flat.view();
    let mut out = Vec::with_capacity(outer);
    for o in 0..outer {
        let row = fv.index_axis(0, o as isize)?;
        let mut acc = T::zero();
        row.for_each(|&x| acc = Numeric::add(acc, x));
        out.push(acc);
    }
    Ok(Tensor {
        view: None,
        owned: Some(Array::from_shape_vec(&shape, out)?),
        labels: kept.iter().map(|&i| t.labels[i]).collect(),
    })
}

/// Contracts `x` and `y` keeping the labels in `keep`: a batched matrix
/// product over (batch, x-only, contracted) x (batch, contracted, y-only).
fn contract<'a, T: Numeric>(
    x: &Tensor<'_, T>,
    y: &Tensor<'_, T>,
    keep: &[Label],
    size_of: &dyn Fn(Label) -> usize,
) -> Result<Tensor<'a, T>> {
    // Labels only in one operand and not kept are summed first.
    let keep_x: Vec<Label> = keep.iter().chain(&y.labels).copied().collect();
    let keep_y: Vec<Label> = keep.iter().chain(&x.labels).copied().collect();
    let xs = sum_out(x, &keep_x)?;
    let ys = sum_out(y, &keep_y)?;
    let batch: Vec<Label> = xs
        .labels
        .iter()
        .copied()
        .filter(|l| ys.labels.contains(l) && keep.contains(l))
        .collect();
    let contr: Vec<Label> = xs
        .labels
        .iter()
        .copied()
        .filter(|l| ys.labels.contains(l) && !keep.contains(l))
        .collect();
    let xf: Vec<Label> = xs
        .labels
        .iter()
        .copied()
        .filter(|l| !ys.labels.contains(l))
        .collect();
    let yf: Vec<Label> = ys
        .labels
        .iter()
        .copied()
        .filter(|l| !xs.labels.contains(l))
        .collect();
    let pos =
        |t: &Tensor<'_, T>, l: &Label| t.labels.iter().position(|x| x == l).expect("label present") as isize;
    let px: Vec<isize> = batch
        .iter()
        .chain(&xf)
        .chain(&contr)
        .map(|l| pos(&xs, l))
        .collect();
    let py: Vec<isize> = batch
        .iter()
        .chain(&contr)
        .chain(&yf)
        .map(|l| pos(&ys, l))
        .collect();
    let prod = |ls: &[Label]| ls.iter().map(|&l| size_of(l)).product::<usize>();
    let (b, m, k, n) = (prod(&batch), prod(&xf), prod(&contr), prod(&yf));
    let xv = xs.view().permuted_axes(&px)?;
    let yv = ys.view().permuted_axes(&py)?;
    let x3 = xv.reshape(&[b as isize, m as isize, k as isize])?;
    let y3 = yv.reshape(&[b as isize, k as isize, n as isize])?;
    let (x3, y3) = (x3.view(), y3.view());
    let shape: Vec<usize> = batch.iter().chain(&xf).chain(&yf).map(|&l| size_of(l)).collect();
    crate::array::shape::checked_size(&shape)?;
    let parallel = batch_parallel(b, 2.0 * (m * n * k) as f64);
    let par = inner_par(parallel);
    let (xst, yst) = (x3.strides().to_vec(), y3.strides().to_vec());
    let (xp, yp) = (InPtr(x3.as_ptr()), InPtr(y3.as_ptr()));
    let data = super::stack::run1(b, m * n, parallel, |i, slot: &mut [T]| {
        let (xp, yp) = (&xp, &yp);
        // SAFETY: batch i of the (b, m, k) and (b, k, n) views; slot is m x n.
        unsafe {
            gemm(
                slot.as_mut_ptr(),
                n as isize,
                1,
                Operand {
                    ptr: xp.0.offset(i as isize * xst[0]),
                    rs: xst[1],
                    cs: xst[2],
                },
                Operand {
                    ptr: yp.0.offset(i as isize * yst[0]),
                    rs: yst[1],
                    cs: yst[2],
                },
                m,
                k,
                n,
                par,
            )
        };
        Ok(())
    })?;
    Ok(Tensor {
        view: None,
        owned: Some(Array::from_shape_vec(&shape, data)?),
        labels: batch.into_iter().chain(xf).chain(yf).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn contractions_match_products() {
        let a = Array::from_shape_fn(&[3, 4], |ix| (ix[0] * 4 + ix[1]) as i64).unwrap();
        let b = Array::from_shape_fn(&[4, 5], |ix| (ix[0] + 2 * ix[1]) as i64).unwrap();
        let c = Array::from_shape_fn(&[5, 2], |ix| (ix[0] as i64) - (ix[1] as i64)).unwrap();
        let ab = crate::matmul(&a, &b).unwrap();
        assert_eq!(einsum("ij,jk->ik", &[&a, &b]).unwrap(), ab);
        assert_eq!(
            einsum("ij,jk,kl->il", &[&a, &b, &c]).unwrap(),
            crate::matmul(&ab, &c).unwrap()
        );
        assert_eq!(einsum("ij,jk->ki", &[&a, &b]).unwrap(), ab.t().to_owned());
        assert_eq!(einsum("ij->", &[&a]).unwrap().into_scalar(), 66);
        assert_eq!(
            einsum("i,j->ij", &[&array![1, 2], &array![3, 4, 5]]).unwrap(),
            numox_outer()
        );
        let d = Array::from_shape_fn(&[3, 3, 2], |ix| (ix[0] * 10 + ix[1] + 100 * ix[2]) as i64).unwrap();
        assert_eq!(
            einsum("iij->ij", &[&d]).unwrap(),
            array![[0, 100], [11, 111], [22, 122]]
        );
        assert_eq!(
            einsum("i,i", &[&array![1, 2, 3], &array![2]])
                .unwrap()
                .into_scalar(),
            12
        );
    }

    fn numox_outer() -> Array<i64> {
        crate::outer(&array![1, 2], &array![3, 4, 5])
    }

    #[test]
    fn subscript_errors() {
        let a = Array::<f64>::zeros(&[2, 3]);
        assert!(einsum("ij,jk", &[&a]).is_err());
        assert!(einsum("ijk", &[&a]).is_err());
        assert!(einsum("i1", &[&a]).is_err());
        assert!(einsum("ij->ii", &[&a]).is_err());
        assert!(einsum("ij->k", &[&a]).is_err());
        assert!(einsum("...j->j", &[&a]).is_err());
        assert!(einsum("ii", &[&a]).is_err());
        assert!(einsum("ij,ij", &[&a, &Array::<f64>::zeros(&[2, 4])]).is_err());
        assert!(einsum("i..j", &[&a]).is_err());
    }
}
