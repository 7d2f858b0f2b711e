//! An operating-system hint NumPy also gives, which makes large `.npy`
//! writes cheaper on Linux (the huge-page hint for reads is
//! `crate::array::copy::advise_huge_pages`). Purely advisory: a failure
//! changes nothing but speed, so errors are ignored. Other systems get a
//! no-op.

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::c_int;

    unsafe extern "C" {
        fn fallocate64(fd: c_int, mode: c_int, offset: i64, len: i64) -> c_int;
    }

    const FALLOC_FL_KEEP_SIZE: c_int = 1;

    /// Reserves `len` bytes of disk blocks for a file about to be written
    /// (NumPy's `tofile` does the same). Besides catching a full disk
    /// early, this spares ext4 its delayed allocation: without it, closing
    /// a truncated-and-rewritten file starts writeback, and the next
    /// truncation of that file waits for it.
    pub(crate) fn preallocate(file: &std::fs::File, len: u64) {
        use std::os::fd::AsRawFd;
        if len < (1 << 20) || len > i64::MAX as u64 {
            return;
        }
        // SAFETY: `fallocate` only reads its integer arguments; the file
        // descriptor is valid for as long as `file` is borrowed.
        unsafe { fallocate64(file.as_raw_fd(), FALLOC_FL_KEEP_SIZE, 0, len as i64) };
    }
}

#[cfg(target_os = "linux")]
pub(crate) use linux::preallocate;

#[cfg(not(target_os = "linux"))]
pub(crate) fn preallocate(_file: &std::fs::File, _len: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_harmless() {
        // Huge-page advice on a real 8 MiB buffer: contents are unchanged.
        let mut v = vec![1u8; 8 << 20];
        crate::array::copy::advise_huge_pages(v.as_mut_ptr(), v.len());
        v[5 << 20] = 2;
        assert_eq!(v.iter().map(|&x| x as usize).sum::<usize>(), (8 << 20) + 1);
        // Preallocation keeps the file size (FALLOC_FL_KEEP_SIZE).
        let path = std::env::temp_dir().join(format!("numox_prealloc_{}", std::process::id()));
        let f = std::fs::File::create(&path).unwrap();
        preallocate(&f, 2 << 20);
        assert_eq!(f.metadata().unwrap().len(), 0);
        drop(f);
        std::fs::remove_file(&path).unwrap();
    }
}
