//! Two operating-system hints NumPy also gives, which make large `.npy`
//! reads and writes cheaper on Linux. Both are purely advisory: a failure
//! changes nothing but speed, so errors are ignored. Other systems get
//! no-ops.

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::{c_int, c_void};

    unsafe extern "C" {
        fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int;
        fn fallocate64(fd: c_int, mode: c_int, offset: i64, len: i64) -> c_int;
    }

    const MADV_HUGEPAGE: c_int = 14;
    const FALLOC_FL_KEEP_SIZE: c_int = 1;
    const PAGE: usize = 4096;

    /// Asks for transparent huge pages on a large fresh allocation (as
    /// NumPy does for arrays of 4 MiB or more): the kernel then fills it
    /// with 512 times fewer page faults while a file is copied in.
    pub(crate) fn advise_huge_pages(ptr: *mut u8, len: usize) {
        if len < (4 << 20) {
            return;
        }
        let start = (ptr as usize).next_multiple_of(PAGE);
        let end = (ptr as usize + len) & !(PAGE - 1);
        if end > start {
            // SAFETY: the page-aligned range lies inside an allocation the
            // caller owns; MADV_HUGEPAGE changes neither contents nor
            // permissions, only how the kernel backs the pages.
            unsafe { madvise(start as *mut c_void, end - start, MADV_HUGEPAGE) };
        }
    }

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
pub(crate) use linux::{advise_huge_pages, preallocate};

#[cfg(not(target_os = "linux"))]
pub(crate) fn advise_huge_pages(_ptr: *mut u8, _len: usize) {}

#[cfg(not(target_os = "linux"))]
pub(crate) fn preallocate(_file: &std::fs::File, _len: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_harmless() {
        // Huge-page advice on a real 8 MiB buffer: contents are unchanged.
        let mut v = vec![1u8; 8 << 20];
        advise_huge_pages(v.as_mut_ptr(), v.len());
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
