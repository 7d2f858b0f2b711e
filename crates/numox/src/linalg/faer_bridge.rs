//! The seam between numox arrays and faer: zero-copy `MatRef`/`MatMut`
//! views of strided matrices, and the column-major working copies the
//! factorisations overwrite (loaded from and stored to numox's row-major
//! layouts with cache-blocked transposition and the element conversion to
//! the working precision).

use super::scalar::{LinalgScalar, WorkScalar};
use faer::{MatMut, MatRef};

/// Block edge of the transposing copies (a 32x32 tile of `Complex<f64>` is
/// 16 KiB, so source and destination tiles fit in L1 together).
const TILE: usize = 32;

/// A zero-copy faer view of an `m x n` matrix at `ptr` with element strides
/// `rs` (between rows) and `cs` (between columns).
///
/// # Safety
/// Every `ptr + i*rs + j*cs` for `i < m`, `j < n` must be a readable element
/// for `'a`.
#[inline]
pub(crate) unsafe fn mat_ref<'a, T>(
    ptr: *const T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
) -> MatRef<'a, T> {
    // SAFETY: forwarded to the caller.
    unsafe { MatRef::from_raw_parts(ptr, m, n, rs, cs) }
}

/// A zero-copy writable faer view; see [`mat_ref`].
///
/// # Safety
/// As [`mat_ref`], with the elements writable and distinct indices mapping to
/// distinct elements, exclusively borrowed for `'a`.
#[inline]
pub(crate) unsafe fn mat_mut<'a, T>(ptr: *mut T, m: usize, n: usize, rs: isize, cs: isize) -> MatMut<'a, T> {
    // SAFETY: forwarded to the caller.
    unsafe { MatMut::from_raw_parts_mut(ptr, m, n, rs, cs) }
}

/// A column-major matrix with leading dimension `m` (no padding), the
/// working copy a factorisation overwrites.
#[derive(Clone, Debug)]
pub(crate) struct ColMat<W> {
    pub(crate) data: Vec<W>,
    pub(crate) m: usize,
    pub(crate) n: usize,
}

impl<W: WorkScalar> ColMat<W> {
    /// An `m x n` zero matrix.
    pub(crate) fn zeros(m: usize, n: usize) -> Self {
        ColMat {
            data: vec![W::zero(); m * n],
            m,
            n,
        }
    }

    /// The identity-shaped `m x n` matrix (ones on the main diagonal).
    pub(crate) fn eye(m: usize, n: usize) -> Self {
        let mut e = Self::zeros(m, n);
        for i in 0..m.min(n) {
            e.data[i * m + i] = W::one();
        }
        e
    }

    #[inline]
    pub(crate) fn as_ref(&self) -> MatRef<'_, W> {
        MatRef::from_column_major_slice(&self.data, self.m, self.n)
    }

    #[inline]
    pub(crate) fn as_mut(&mut self) -> MatMut<'_, W> {
        MatMut::from_column_major_slice_mut(&mut self.data, self.m, self.n)
    }

    #[inline]
    pub(crate) fn at(&self, i: usize, j: usize) -> W {
        self.data[j * self.m + i]
    }

    #[inline]
    pub(crate) fn set(&mut self, i: usize, j: usize, v: W) {
        self.data[j * self.m + i] = v;
    }
}

/// Copies the `m x n` matrix at `ptr` (strides `rs`, `cs`, element type `T`)
/// into a new column-major working matrix, converting each element.
///
/// # Safety
/// As [`mat_ref`].
pub(crate) unsafe fn load<T: LinalgScalar>(
    ptr: *const T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
) -> ColMat<T::Work> {
    let mut out = ColMat::<T::Work>::zeros(m, n);
    // SAFETY: forwarded to the caller; `out` is m x n column-major.
    unsafe { load_into(ptr, m, n, rs, cs, &mut out.data, |x| x.to_work()) };
    out
}

/// `dst[j*m + i] = f(src[i*rs + j*cs])`: a strided-to-column-major copy,
/// tiled when the source is row-major so both sides stream through cache.
///
/// # Safety
/// As [`mat_ref`] for the source; `dst` holds at least `m*n` elements.
pub(crate) unsafe fn load_into<T: Copy, W: Copy>(
    ptr: *const T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
    dst: &mut [W],
    f: impl Fn(T) -> W,
) {
    assert!(dst.len() >= m * n);
    if rs == 1 || m <= 1 || n <= 1 {
        for j in 0..n {
            let col = &mut dst[j * m..(j + 1) * m];
            for (i, d) in col.iter_mut().enumerate() {
                // SAFETY: i < m, j < n address an element of the source.
                *d = f(unsafe { *ptr.offset(i as isize * rs + j as isize * cs) });
            }
        }
        return;
    }
    for ib in (0..m).step_by(TILE) {
        let ie = (ib + TILE).min(m);
        for jb in (0..n).step_by(TILE) {
            let je = (jb + TILE).min(n);
            for j in jb..je {
                let col = &mut dst[j * m..j * m + m];
                for i in ib..ie {
                    // SAFETY: i < m, j < n address an element of the source.
                    col[i] = f(unsafe { *ptr.offset(i as isize * rs + j as isize * cs) });
                }
            }
        }
    }
}

/// `dst[i*drs + j*dcs] = f(src(i, j))` for a faer matrix `src`: the store
/// back into a numox layout (usually row-major), tiled.
///
/// # Safety
/// `dst + i*drs + j*dcs` must be writable and distinct for `i < m`, `j < n`.
pub(crate) unsafe fn store<W: Copy, T>(
    src: MatRef<'_, W>,
    dst: *mut T,
    drs: isize,
    dcs: isize,
    f: impl Fn(W) -> T,
) {
    let (m, n) = (src.nrows(), src.ncols());
    if m == 0 || n == 0 {
        return;
    }
    let (srs, scs) = (src.row_stride(), src.col_stride());
    let sp = src.as_ptr();
    if dcs == 1 && srs == 1 && m > 1 && n > 1 {
        // Column-major source into a row-major destination: transpose by tiles.
        for ib in (0..m).step_by(TILE) {
            let ie = (ib + TILE).min(m);
            for jb in (0..n).step_by(TILE) {
                let je = (jb + TILE).min(n);
                for i in ib..ie {
                    for j in jb..je {
                        // SAFETY: in bounds of both layouts (caller's contract and faer's view).
                        unsafe {
                            *dst.offset(i as isize * drs + j as isize) =
                                f(*sp.offset(i as isize + j as isize * scs));
                        }
                    }
                }
            }
        }
        return;
    }
    for i in 0..m {
        for j in 0..n {
            // SAFETY: in bounds of both layouts.
            unsafe {
                *dst.offset(i as isize * drs + j as isize * dcs) =
                    f(*sp.offset(i as isize * srs + j as isize * scs));
            }
        }
    }
}

/// Stores a working matrix into a C-ordered `m x n` slice of `T`.
pub(crate) fn store_c<T: LinalgScalar>(src: MatRef<'_, T::Work>, dst: &mut [T]) {
    let (m, n) = (src.nrows(), src.ncols());
    assert!(dst.len() >= m * n);
    // SAFETY: `dst` holds m*n elements in C order.
    unsafe { store(src, dst.as_mut_ptr(), n as isize, 1, T::from_work) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_and_store_transpose_tiles() {
        // A 70 x 45 row-major matrix crosses several tiles with ragged edges.
        let (m, n) = (70usize, 45usize);
        let src: Vec<f32> = (0..m * n).map(|x| x as f32).collect();
        // SAFETY: `src` is m x n row-major.
        let w = unsafe { load(src.as_ptr(), m, n, n as isize, 1) };
        for i in 0..m {
            for j in 0..n {
                assert_eq!(w.at(i, j), (i * n + j) as f64);
            }
        }
        let mut back = vec![0f32; m * n];
        store_c::<f32>(w.as_ref(), &mut back);
        assert_eq!(back, src);
        // Column-major source, generic store path.
        // SAFETY: `src` read as n x m column-major is in bounds.
        let w2 = unsafe { load::<f32>(src.as_ptr(), n, m, 1, n as isize) };
        assert_eq!(w2.at(3, 2), (2 * n + 3) as f64);
        let e = ColMat::<f64>::eye(2, 3);
        assert_eq!((e.at(1, 1), e.at(1, 2)), (1.0, 0.0));
    }
}
