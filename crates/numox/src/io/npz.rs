//! `.npz` archives: a zip file of `.npy` members (`np.savez`,
//! `np.savez_compressed`, `np.load` of an `.npz`).

use super::DynArray;
use super::npy::{Bound, NpyWritable, read_npy_bounded};
use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use zip::CompressionMethod;
use zip::result::ZipError;
use zip::write::SimpleFileOptions;

/// Converts a zip error into a numox error.
fn zip_err(e: ZipError) -> Error {
    match e {
        ZipError::Io(e) => Error::Io(e),
        ZipError::UnsupportedArchive(m) => Error::Unsupported(format!(".npz archive: {m}")),
        ZipError::FileNotFound => Error::invalid("no such member in the .npz archive"),
        other => Error::Parse {
            line: 0,
            column: 0,
            message: format!("invalid .npz (zip) archive: {other}"),
        },
    }
}

/// The largest expansion deflate can achieve (1032:1), with slack: a member
/// whose declared size exceeds this multiple of its compressed size is lying.
const MAX_DEFLATE_RATIO: u64 = 1100;

/// Reads the arrays of an `.npz` archive by name (NumPy's `NpzFile`, what
/// `np.load` returns for an `.npz`).
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join(format!("numox_doc_npzr_{}.npz", std::process::id()));
/// numox::savez(&path, &[("x", &array![1.0, 2.0] as &dyn numox::NpyWritable), ("n", &array![7i64])]).unwrap();
/// let mut z = numox::NpzReader::open(&path).unwrap();
/// assert_eq!(z.names(), &["x", "n"]);
/// assert_eq!(z.by_name("n").unwrap().into_typed::<i64>().unwrap(), array![7i64]);
/// assert!(z.by_name("missing").is_err());
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub struct NpzReader<R: Read + Seek> {
    archive: zip::ZipArchive<R>,
    /// Member names with `.npy` removed, in archive order.
    names: Vec<String>,
    /// Total length of the archive in bytes.
    len: u64,
}

impl NpzReader<BufReader<File>> {
    /// Opens an `.npz` file.
    ///
    /// ```
    /// let e = numox::NpzReader::open("/nonexistent/file.npz").err().unwrap();
    /// assert!(matches!(e, numox::Error::Io(_)));
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        NpzReader::new(BufReader::new(File::open(path)?))
    }
}

impl<R: Read + Seek> NpzReader<R> {
    /// Reads the directory of an `.npz` archive from any seekable reader.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut buf = std::io::Cursor::new(Vec::new());
    /// let mut w = numox::NpzWriter::new(&mut buf, false);
    /// w.add("a", &array![1u8, 2]).unwrap();
    /// w.finish().unwrap();
    /// let mut z = numox::NpzReader::new(std::io::Cursor::new(buf.into_inner())).unwrap();
    /// assert_eq!(z.by_name("a").unwrap().into_typed::<u8>().unwrap(), array![1u8, 2]);
    /// ```
    pub fn new(mut reader: R) -> Result<Self> {
        let len = reader.seek(SeekFrom::End(0))?;
        reader.seek(SeekFrom::Start(0))?;
        let archive = zip::ZipArchive::new(reader).map_err(zip_err)?;
        let mut names = Vec::with_capacity(archive.len());
        for i in 0..archive.len() {
            let name = archive
                .name_for_index(i)
                .ok_or_else(|| Error::invalid("zip index out of range"))?
                .map_err(zip_err)?;
            names.push(name.strip_suffix(".npy").unwrap_or(&name).to_string());
        }
        Ok(NpzReader { archive, names, len })
    }

    /// The names of the arrays, in archive order (`NpzFile.files`: member
    /// names with the `.npy` suffix removed).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut buf = std::io::Cursor::new(Vec::new());
    /// numox::savez_to(&mut buf, &[("b", &array![1] as &dyn numox::NpyWritable), ("a", &array![2])], false).unwrap();
    /// let z = numox::NpzReader::new(buf).unwrap();
    /// assert_eq!(z.names(), &["b", "a"]);
    /// ```
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The number of arrays in the archive.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut buf = std::io::Cursor::new(Vec::new());
    /// numox::savez_to(&mut buf, &[("x", &array![1] as &dyn numox::NpyWritable)], true).unwrap();
    /// assert_eq!(numox::NpzReader::new(buf).unwrap().len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// `true` when the archive holds no arrays.
    ///
    /// ```
    /// let mut buf = std::io::Cursor::new(Vec::new());
    /// numox::savez_to(&mut buf, &[], false).unwrap();
    /// assert!(numox::NpzReader::new(buf).unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Reads the array called `name` (`npz[name]`; the `.npy` suffix may be
    /// given or left out). A missing name is [`Error::InvalidArgument`].
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut buf = std::io::Cursor::new(Vec::new());
    /// numox::savez_to(&mut buf, &[("x", &array![[1.5f32]] as &dyn numox::NpyWritable)], true).unwrap();
    /// let mut z = numox::NpzReader::new(buf).unwrap();
    /// assert_eq!(z.by_name("x.npy").unwrap().shape(), &[1, 1]);
    /// ```
    pub fn by_name(&mut self, name: &str) -> Result<DynArray> {
        let idx = self
            .names
            .iter()
            .position(|n| n == name)
            .or_else(|| {
                name.strip_suffix(".npy")
                    .and_then(|s| self.names.iter().position(|n| n == s))
            })
            .ok_or_else(|| Error::invalid(format!("no array named '{name}' in the .npz archive")))?;
        self.by_index(idx)
    }

    /// Reads the `i`-th array in archive order.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut buf = std::io::Cursor::new(Vec::new());
    /// numox::savez_to(&mut buf, &[("x", &array![3u16] as &dyn numox::NpyWritable)], false).unwrap();
    /// let mut z = numox::NpzReader::new(buf).unwrap();
    /// assert_eq!(z.by_index(0).unwrap().dtype(), DType::UInt16);
    /// assert!(z.by_index(1).is_err());
    /// ```
    pub fn by_index(&mut self, i: usize) -> Result<DynArray> {
        if i >= self.names.len() {
            return Err(Error::IndexOutOfBounds {
                index: i as isize,
                axis: 0,
                len: self.names.len(),
            });
        }
        let archive_len = self.len;
        let mut f = self.archive.by_index(i).map_err(zip_err)?;
        let size = f.size();
        let csize = f.compressed_size();
        // The declared size bounds the data; it is trusted for a single
        // allocation only when the archive could really hold it.
        let trusted = csize <= archive_len
            && match f.compression() {
                CompressionMethod::Stored => size == csize,
                _ => size <= csize.saturating_mul(MAX_DEFLATE_RATIO).saturating_add(1 << 16),
            };
        let arr = read_npy_bounded(
            &mut f,
            Bound {
                len: Some(size),
                trusted,
            },
        )
        .map_err(|e| match e {
            Error::Parse {
                line,
                column,
                message,
            } => Error::Parse {
                line,
                column,
                message: format!("{message} (in .npz member '{}')", self.names[i]),
            },
            e => e,
        })?;
        // Reading to the end lets the zip reader verify the member's CRC.
        let mut rest = [0u8; 1];
        if f.read(&mut rest)? != 0 {
            // Trailing bytes after the data are ignored, as NumPy ignores them.
            std::io::copy(&mut f, &mut std::io::sink())?;
        }
        Ok(arr)
    }
}

/// Reads every array of an `.npz` file, in archive order (`dict(np.load(path))`).
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join(format!("numox_doc_loadz_{}.npz", std::process::id()));
/// numox::savez_compressed(&path, &[("a", &array![1, 2] as &dyn numox::NpyWritable), ("b", &array![true])]).unwrap();
/// let all = numox::load_npz(&path).unwrap();
/// assert_eq!(all.len(), 2);
/// assert_eq!(all[0].0, "a");
/// assert_eq!(all[1].1.dtype(), DType::Bool);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn load_npz(path: impl AsRef<Path>) -> Result<Vec<(String, DynArray)>> {
    let mut z = NpzReader::open(path)?;
    (0..z.len())
        .map(|i| Ok((z.names[i].clone(), z.by_index(i)?)))
        .collect()
}

/// Writes arrays into an `.npz` archive one at a time (what `np.savez`
/// does internally); call [`NpzWriter::finish`] at the end.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join(format!("numox_doc_npzw_{}.npz", std::process::id()));
/// let mut w = numox::NpzWriter::create(&path, true).unwrap();
/// w.add("x", &array![1.0, 2.0]).unwrap();
/// w.add("y", &array![[1u8], [2]].t()).unwrap();
/// w.finish().unwrap();
/// assert_eq!(numox::NpzReader::open(&path).unwrap().names(), &["x", "y"]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub struct NpzWriter<W: Write + Seek> {
    zip: zip::ZipWriter<W>,
    compressed: bool,
}

impl NpzWriter<BufWriter<File>> {
    /// Creates (or truncates) an `.npz` file; `compressed` selects deflate
    /// (`np.savez_compressed`) over stored members (`np.savez`).
    ///
    /// ```
    /// assert!(numox::NpzWriter::create("/nonexistent/dir/x.npz", false).is_err());
    /// ```
    pub fn create(path: impl AsRef<Path>, compressed: bool) -> Result<Self> {
        Ok(NpzWriter::new(
            BufWriter::with_capacity(1 << 16, File::create(path)?),
            compressed,
        ))
    }
}

impl<W: Write + Seek> NpzWriter<W> {
    /// Starts an archive on any seekable writer.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut w = numox::NpzWriter::new(std::io::Cursor::new(Vec::new()), false);
    /// w.add("a", &array![1]).unwrap();
    /// let bytes = w.finish().unwrap().into_inner();
    /// assert_eq!(&bytes[..2], b"PK");
    /// ```
    pub fn new(writer: W, compressed: bool) -> Self {
        NpzWriter {
            zip: zip::ZipWriter::new(writer),
            compressed,
        }
    }

    /// Adds an array as member `name.npy`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut w = numox::NpzWriter::new(std::io::Cursor::new(Vec::new()), true);
    /// w.add("a", &array![1.5]).unwrap();
    /// w.add("b", &numox::DynArray::from(array![2i8])).unwrap();
    /// w.finish().unwrap();
    /// ```
    pub fn add<A: NpyWritable + ?Sized>(&mut self, name: &str, a: &A) -> Result<()> {
        let method = if self.compressed {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        // Header is at most a few KB for sane ranks; members of 4 GiB or
        // more need zip64 entries, as NumPy always writes them.
        let large = a.npy_data_len() >= (u32::MAX as u64) - (1 << 20);
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(large);
        self.zip
            .start_file(format!("{name}.npy"), opts)
            .map_err(zip_err)?;
        a.write_npy_to(&mut self.zip)
    }

    /// Writes the archive's central directory and returns the writer.
    ///
    /// ```
    /// let w = numox::NpzWriter::new(std::io::Cursor::new(Vec::new()), false);
    /// assert!(w.finish().unwrap().into_inner().len() > 0);
    /// ```
    pub fn finish(self) -> Result<W> {
        let mut w = self.zip.finish().map_err(zip_err)?;
        w.flush()?;
        Ok(w)
    }
}

/// Writes named arrays into an `.npz` archive on any seekable writer;
/// `compressed` selects deflate ([`savez_compressed`]) or stored ([`savez`]).
///
/// ```
/// use numox::prelude::*;
/// let mut buf = std::io::Cursor::new(Vec::new());
/// numox::savez_to(&mut buf, &[("a", &array![1] as &dyn numox::NpyWritable)], false).unwrap();
/// assert!(!buf.into_inner().is_empty());
/// ```
pub fn savez_to<W: Write + Seek>(
    writer: W,
    arrays: &[(&str, &dyn NpyWritable)],
    compressed: bool,
) -> Result<()> {
    let mut w = NpzWriter::new(writer, compressed);
    for (name, a) in arrays {
        w.add(name, *a)?;
    }
    w.finish()?;
    Ok(())
}

/// Saves named arrays into an uncompressed `.npz` file (NumPy's
/// `np.savez(path, name=a, ...)`); any element types may be mixed.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join(format!("numox_doc_savez_{}.npz", std::process::id()));
/// let (a, b) = (array![[1.0, 2.0]], array![1u8, 2, 3]);
/// numox::savez(&path, &[("a", &a as &dyn numox::NpyWritable), ("b", &b)]).unwrap();
/// let mut z = numox::NpzReader::open(&path).unwrap();
/// assert_eq!(z.by_name("b").unwrap().into_typed::<u8>().unwrap(), b);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn savez(path: impl AsRef<Path>, arrays: &[(&str, &dyn NpyWritable)]) -> Result<()> {
    let mut w = NpzWriter::create(path, false)?;
    for (name, a) in arrays {
        w.add(name, *a)?;
    }
    w.finish()?;
    Ok(())
}

/// Saves named arrays into a deflate-compressed `.npz` file (NumPy's
/// `np.savez_compressed`).
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join(format!("numox_doc_savezc_{}.npz", std::process::id()));
/// let z = Array::<f64>::zeros(&[1000]);
/// numox::savez_compressed(&path, &[("z", &z as &dyn numox::NpyWritable)]).unwrap();
/// assert!(std::fs::metadata(&path).unwrap().len() < 1000);
/// assert_eq!(numox::load_npz(&path).unwrap()[0].1.shape(), &[1000]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn savez_compressed(path: impl AsRef<Path>, arrays: &[(&str, &dyn NpyWritable)]) -> Result<()> {
    let mut w = NpzWriter::create(path, true)?;
    for (name, a) in arrays {
        w.add(name, *a)?;
    }
    w.finish()?;
    Ok(())
}
