//! The LU factorisation with partial pivoting that `solve`, `inv`, `det`
//! and `slogdet` share (LAPACK's `getrf`, through faer).
//!
//! numox arrays are row-major and faer prefers column-major, so the
//! factorisation runs on `Aᵀ`: the row-major elements of `A` copied as they
//! lie *are* `Aᵀ` in column-major order (a streaming copy, no transposition).
//! `det(Aᵀ) = det(A)`, `inv(Aᵀ) = inv(A)ᵀ` (whose column-major elements are
//! `inv(A)` in row-major order), and `A x = b` is the transposed solve
//! `(Aᵀ)ᵀ x = b` with the factors of `Aᵀ`.

use super::faer_bridge::{ColMat, load_into};
use super::scalar::{LinalgScalar, WorkScalar};
use super::stack::Stack;
use faer::Par;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::factor as lu_factor;
use faer::perm::PermRef;

/// `P Aᵀ = L U` of one matrix of a stack, in the working type.
pub(crate) struct Lu<W> {
    pub(crate) f: ColMat<W>,
    pub(crate) perm: Vec<usize>,
    pub(crate) perm_inv: Vec<usize>,
    pub(crate) transpositions: usize,
}

impl<W: WorkScalar> Lu<W> {
    /// Factors `Aᵀ` for matrix `k` of the square stack `st`.
    pub(crate) fn of_transpose<T: LinalgScalar<Work = W>>(st: &Stack<'_, T>, k: usize, par: Par) -> Self {
        let n = st.m;
        let mut f = ColMat::<W>::zeros(n, n);
        // Aᵀ in column-major order: element (i, j) of Aᵀ is A[j, i], at i*cs + j*rs.
        // SAFETY: matrix k of the stack is n x n and readable.
        unsafe { load_into(st.ptr(k), n, n, st.cs, st.rs, &mut f.data, |x: T| x.to_work()) };
        Self::factor(f, par)
    }

    /// Factors a column-major matrix in place.
    pub(crate) fn factor(mut f: ColMat<W>, par: Par) -> Self {
        let n = f.m;
        let mut perm = vec![0usize; n];
        let mut perm_inv = vec![0usize; n];
        let mut buf = MemBuffer::new(lu_factor::lu_in_place_scratch::<usize, W>(
            n,
            n,
            par,
            Default::default(),
        ));
        let (info, _) = lu_factor::lu_in_place(
            f.as_mut(),
            &mut perm,
            &mut perm_inv,
            par,
            MemStack::new(&mut buf),
            Default::default(),
        );
        Lu {
            f,
            perm,
            perm_inv,
            transpositions: info.transposition_count,
        }
    }

    /// `true` when a pivot is exactly zero (LAPACK's `info > 0`, NumPy's
    /// "Singular matrix").
    pub(crate) fn singular(&self) -> bool {
        (0..self.f.m).any(|i| self.f.at(i, i) == W::zero())
    }

    /// The row permutation.
    pub(crate) fn perm(&self) -> PermRef<'_, usize> {
        PermRef::new_checked(&self.perm, &self.perm_inv, self.f.m)
    }
}
