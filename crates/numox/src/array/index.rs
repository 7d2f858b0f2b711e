//! Element access with `a[[i, j]]`, as NumPy's `a[i, j]` (non-negative
//! indices; [`ArrayBase::item`] takes negative ones).

use super::{ArrayBase, Data, DataMut};
use std::ops::{Index, IndexMut};

#[cold]
#[inline(never)]
fn index_panic(index: &[usize], shape: &[usize]) -> ! {
    panic!("index {index:?} is out of bounds for array of shape {shape:?}")
}

impl<A, S: Data<Elem = A>, const N: usize> Index<[usize; N]> for ArrayBase<S> {
    type Output = A;
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a[[1, 0]], 3);
    /// ```
    #[inline]
    fn index(&self, index: [usize; N]) -> &A {
        match self.get(&index) {
            Some(x) => x,
            None => index_panic(&index, self.shape()),
        }
    }
}

impl<A, S: DataMut<Elem = A>, const N: usize> IndexMut<[usize; N]> for ArrayBase<S> {
    /// ```
    /// use numox::prelude::*;
    /// let mut a = array![[1, 2], [3, 4]];
    /// a[[0, 1]] = 9;
    /// assert_eq!(a, array![[1, 9], [3, 4]]);
    /// ```
    #[inline]
    fn index_mut(&mut self, index: [usize; N]) -> &mut A {
        let shape = self.shape.clone();
        match self.get_mut(&index) {
            Some(x) => x,
            None => index_panic(&index, &shape),
        }
    }
}

impl<A, S: Data<Elem = A>> Index<&[usize]> for ArrayBase<S> {
    type Output = A;
    #[inline]
    fn index(&self, index: &[usize]) -> &A {
        match self.get(index) {
            Some(x) => x,
            None => index_panic(index, self.shape()),
        }
    }
}

impl<A, S: DataMut<Elem = A>> IndexMut<&[usize]> for ArrayBase<S> {
    #[inline]
    fn index_mut(&mut self, index: &[usize]) -> &mut A {
        let shape = self.shape.clone();
        match self.get_mut(index) {
            Some(x) => x,
            None => index_panic(index, &shape),
        }
    }
}
