//! Raw binary I/O without a header: [`tofile`], [`fromfile`],
//! [`frombuffer`] (NumPy's `a.tofile`, `np.fromfile`, `np.frombuffer`).
//!
//! Data are the elements' bytes in C order and native (little-endian on
//! every platform numox supports) byte order, as NumPy writes them. A
//! `bool` read from a byte other than 0 or 1 is `true`.

use super::npy::as_bytes;
use crate::array::{Array, ArrayBase, Data};
use crate::element::Element;
use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Builds `n` elements of `T` from exactly `n * size_of::<T>()` bytes.
fn from_bytes<T: Element>(bytes: &[u8]) -> Vec<T> {
    let size = std::mem::size_of::<T>();
    let n = bytes.len() / size;
    if T::DTYPE == crate::element::DType::Bool {
        return bytes[..n].iter().map(|&b| (b != 0).cast::<T>()).collect();
    }
    let mut v: Vec<T> = vec![T::default(); n];
    // SAFETY: `T` is not `bool` here, so it is a primitive integer, float
    // or `#[repr(C)]` complex of two floats: every bit pattern is a valid
    // value and there is no padding. `v` holds `n * size` initialised
    // bytes and `bytes` at least as many; the regions do not overlap.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), v.as_mut_ptr().cast::<u8>(), n * size);
    }
    v
}

/// `np.frombuffer(buf, dtype=T, count, offset)`: a 1-D array of the
/// elements stored in `buf[offset..]` (`count`: all when `None`).
///
/// Errors as NumPy: `offset` beyond the buffer, a remaining length that is
/// not a multiple of the element size (when `count` is `None`), or fewer
/// bytes than `count` elements need.
///
/// ```
/// let bytes = [1u8, 0, 2, 0, 3, 0];
/// let a = numox::frombuffer::<u16>(&bytes, None, 2).unwrap();
/// assert_eq!(a.to_vec(), vec![2, 3]);
/// assert!(numox::frombuffer::<u16>(&bytes, None, 1).is_err());
/// ```
pub fn frombuffer<T: Element>(buf: &[u8], count: Option<usize>, offset: usize) -> Result<Array<T>> {
    let size = std::mem::size_of::<T>();
    if offset > buf.len() {
        return Err(Error::invalid(format!(
            "offset must be non-negative and no greater than buffer length ({})",
            buf.len()
        )));
    }
    let rest = &buf[offset..];
    let n = match count {
        None => {
            if rest.len() % size != 0 {
                return Err(Error::invalid("buffer size must be a multiple of element size"));
            }
            rest.len() / size
        }
        Some(c) => {
            if c.checked_mul(size).is_none_or(|b| b > rest.len()) {
                return Err(Error::invalid("buffer is smaller than requested size"));
            }
            c
        }
    };
    Ok(Array::from_vec(from_bytes(&rest[..n * size])))
}

/// `np.fromfile(path, dtype=T, count, offset)`: reads the elements of a
/// raw binary file from byte `offset` on; `count` elements at most
/// (`None`: all). As NumPy, a short file gives the elements it holds, and
/// trailing bytes that do not fill an element are ignored; an `offset`
/// past the end gives an empty array.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join("numox_fromfile_doc.bin");
/// numox::tofile(&array![1.5f64, -2.0, 3.0], &path).unwrap();
/// let a = numox::fromfile::<f64>(&path, Some(2), 8).unwrap();
/// assert_eq!(a.to_vec(), vec![-2.0, 3.0]);
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn fromfile<T: Element>(path: impl AsRef<Path>, count: Option<usize>, offset: usize) -> Result<Array<T>> {
    let buf = std::fs::read(path)?;
    let size = std::mem::size_of::<T>();
    let rest = buf.get(offset..).unwrap_or(&[]);
    let avail = rest.len() / size;
    let n = count.map_or(avail, |c| c.min(avail));
    Ok(Array::from_vec(from_bytes(&rest[..n * size])))
}

/// `a.tofile(path)`: writes the elements' bytes in C order (any layout
/// of `a`), no header.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join("numox_tofile_doc.bin");
/// let a = array![[1i32, 2], [3, 4]];
/// numox::tofile(&a.t(), &path).unwrap();
/// assert_eq!(numox::fromfile::<i32>(&path, None, 0).unwrap().to_vec(), vec![1, 3, 2, 4]);
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn tofile<T: Element, S: Data<Elem = T>>(a: &ArrayBase<S>, path: impl AsRef<Path>) -> Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    tobytes_into(a, &mut f)?;
    f.flush()?;
    Ok(())
}

/// `a.tobytes()`: the elements' bytes in C order.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::tobytes(&array![1u16, 258]), vec![1, 0, 2, 1]);
/// ```
pub fn tobytes<T: Element, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Vec<u8> {
    let mut v = Vec::with_capacity(a.len() * std::mem::size_of::<T>());
    // Writing to a Vec cannot fail.
    let _ = tobytes_into(a, &mut v);
    v
}

fn tobytes_into<T: Element, S: Data<Elem = T>, W: Write>(a: &ArrayBase<S>, w: &mut W) -> Result<()> {
    if let Some(s) = a.as_slice() {
        w.write_all(as_bytes(s))?;
    } else {
        let v: Vec<T> = a.iter().copied().collect();
        w.write_all(as_bytes(&v))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::element::Complex64;

    #[test]
    fn bytes_round_trip_every_kind() {
        let c = Array::from_vec(vec![Complex64::new(1.0, -2.0), Complex64::new(f64::NAN, 0.0)]);
        let b = tobytes(&c);
        assert_eq!(b.len(), 32);
        let back = frombuffer::<Complex64>(&b, None, 0).unwrap();
        assert_eq!(back.to_vec()[0], Complex64::new(1.0, -2.0));
        assert!(back.to_vec()[1].re.is_nan());
        let bools = frombuffer::<bool>(&[0, 1, 7], None, 0).unwrap();
        assert_eq!(bools.to_vec(), vec![false, true, true]);
        assert!(frombuffer::<f64>(&b, Some(5), 0).is_err());
        assert!(frombuffer::<f64>(&b, None, 33).is_err());
        assert_eq!(frombuffer::<f64>(&b, None, 32).unwrap().len(), 0);
        assert!(frombuffer::<f64>(&b, Some(usize::MAX), 0).is_err());
    }
}
