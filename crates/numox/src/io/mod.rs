//! Reading and writing arrays: NumPy's `.npy` and `.npz` formats, and
//! [`DynArray`], the array whose dtype is known only at run time.
//!
//! | numox | NumPy |
//! |---|---|
//! | [`load_npy`], [`load_npy_as`], [`read_npy`] | `np.load("a.npy")`, `np.lib.format.read_array` |
//! | [`save_npy`], [`write_npy`] | `np.save`, `np.lib.format.write_array` |
//! | [`NpzReader`], [`load_npz`] | `np.load("a.npz")` (`NpzFile`) |
//! | [`savez`], [`savez_compressed`], [`NpzWriter`] | `np.savez`, `np.savez_compressed` |
//!
//! Files written by numox are byte-identical to NumPy's for the same array;
//! files written by NumPy in format versions 1.0, 2.0 and 3.0, in either
//! byte order and in C or Fortran order, read back with the same values
//! (NaN payloads and the sign of zero included). Malformed files give an
//! [`Error`](crate::Error), never a panic or an allocation the file cannot back.
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, f64::NAN], [-0.0, 4.0]];
//! let mut bytes = Vec::new();
//! numox::write_npy(&mut bytes, &a).unwrap();
//! let back = numox::read_npy(bytes.as_slice()).unwrap().into_typed::<f64>().unwrap();
//! assert_eq!(back.to_vec()[1].to_bits(), f64::NAN.to_bits());
//! assert!(back.to_vec()[2].is_sign_negative());
//! ```

pub mod dyn_array;
mod genfromtxt;
mod header;
mod npy;
mod npz;
mod printf;
mod raw;
pub(crate) mod sys;
mod text;

pub use dyn_array::DynArray;
pub use genfromtxt::{GenFromTxt, GenFromTxtOptions, genfromtxt, genfromtxt_from_str};
pub use npy::{NpyWritable, load_npy, load_npy_as, read_npy, save_npy, write_npy};
pub use npz::{NpzReader, NpzWriter, load_npz, savez, savez_compressed, savez_to};
#[doc(hidden)]
pub use printf::Arg as PrintfArg;
pub use raw::{frombuffer, fromfile, fromfile_text, fromstring, tobytes, tofile, tofile_text};
pub use text::{
    LoadTxtOptions, SaveTxtOptions, TextElement, loadtxt, loadtxt_from_bytes, loadtxt_from_reader,
    loadtxt_from_str, savetxt, savetxt_to, savetxt_to_string,
};
