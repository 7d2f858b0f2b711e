//! NumPy-style printing: `Display` is `str(a)`, `Debug` is `repr(a)`.
//!
//! (Placeholder formatting until the printing module lands.)

use crate::array::{ArrayBase, Data};
use crate::element::Element;
use std::fmt;

impl<A: Element, S: Data<Elem = A>> fmt::Debug for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "array({:?}, shape={:?})", self.to_vec(), self.shape())
    }
}
