//! Bounded integers: NumPy's Lemire rejection (Generator) and masked
//! rejection (legacy RandomState), with its buffering of 8/16-bit and bool
//! draws inside one 32-bit word.

use crate::random::BitGenerator;

/// Smallest all-ones mask `>= rng` (NumPy's `_gen_mask`).
#[inline]
pub(crate) fn gen_mask(rng: u64) -> u64 {
    let mut m = rng;
    m |= m >> 1;
    m |= m >> 2;
    m |= m >> 4;
    m |= m >> 8;
    m |= m >> 16;
    m |= m >> 32;
    m
}

/// The per-call buffer that 8-bit, 16-bit and bool draws take their bits from.
#[derive(Default)]
pub(crate) struct Buf {
    buf: u32,
    cnt: u32,
}

#[inline(always)]
fn buffered_u8<B: BitGenerator + ?Sized>(bg: &mut B, b: &mut Buf) -> u8 {
    if b.cnt == 0 {
        b.buf = bg.next_uint32();
        b.cnt = 3;
    } else {
        b.buf >>= 8;
        b.cnt -= 1;
    }
    b.buf as u8
}

#[inline(always)]
fn buffered_u16<B: BitGenerator + ?Sized>(bg: &mut B, b: &mut Buf) -> u16 {
    if b.cnt == 0 {
        b.buf = bg.next_uint32();
        b.cnt = 1;
    } else {
        b.buf >>= 16;
        b.cnt -= 1;
    }
    b.buf as u16
}

/// A bounded bool (`rng` is 0 or 1): one bit of a buffered 32-bit word.
#[inline(always)]
pub(crate) fn bounded_bool<B: BitGenerator + ?Sized>(bg: &mut B, off: bool, rng: bool, b: &mut Buf) -> bool {
    if !rng {
        return off;
    }
    if b.cnt == 0 {
        b.buf = bg.next_uint32();
        b.cnt = 31;
    } else {
        b.buf >>= 1;
        b.cnt -= 1;
    }
    b.buf & 1 != 0
}

/// A value in `[0, rng]` for 64-bit dtypes (NumPy's `random_bounded_uint64`
/// without the offset). Ranges that fit 32 bits draw 32-bit words.
#[inline(always)]
pub(crate) fn bounded_u64<B: BitGenerator + ?Sized>(bg: &mut B, rng: u64, masked: bool, mask: u64) -> u64 {
    if rng == 0 {
        0
    } else if rng <= 0xffff_ffff {
        if rng == 0xffff_ffff {
            bg.next_uint32() as u64
        } else {
            bounded_u32(bg, rng as u32, masked, mask as u32) as u64
        }
    } else if rng == u64::MAX {
        bg.next_uint64()
    } else if masked {
        loop {
            let v = bg.next_uint64() & mask;
            if v <= rng {
                return v;
            }
        }
    } else {
        let excl = rng + 1;
        let mut m = bg.next_uint64() as u128 * excl as u128;
        let mut left = m as u64;
        if left < excl {
            let threshold = (u64::MAX - rng) % excl;
            while left < threshold {
                m = bg.next_uint64() as u128 * excl as u128;
                left = m as u64;
            }
        }
        (m >> 64) as u64
    }
}

/// A value in `[0, rng]` from 32-bit words (`rng < 2^32 - 1`, nonzero for Lemire).
#[inline(always)]
pub(crate) fn bounded_u32<B: BitGenerator + ?Sized>(bg: &mut B, rng: u32, masked: bool, mask: u32) -> u32 {
    if rng == 0 {
        return 0;
    }
    if rng == u32::MAX {
        return bg.next_uint32();
    }
    if masked {
        loop {
            let v = bg.next_uint32() & mask;
            if v <= rng {
                return v;
            }
        }
    }
    let excl = rng + 1;
    let mut m = bg.next_uint32() as u64 * excl as u64;
    let mut left = m as u32;
    if left < excl {
        let threshold = (u32::MAX - rng) % excl;
        while left < threshold {
            m = bg.next_uint32() as u64 * excl as u64;
            left = m as u32;
        }
    }
    (m >> 32) as u32
}

/// A value in `[0, rng]` from buffered 16-bit pieces.
#[inline(always)]
pub(crate) fn bounded_u16<B: BitGenerator + ?Sized>(
    bg: &mut B,
    rng: u16,
    masked: bool,
    mask: u16,
    b: &mut Buf,
) -> u16 {
    if rng == 0 {
        return 0;
    }
    if rng == u16::MAX {
        return buffered_u16(bg, b);
    }
    if masked {
        loop {
            let v = buffered_u16(bg, b) & mask;
            if v <= rng {
                return v;
            }
        }
    }
    let excl = rng + 1;
    let mut m = buffered_u16(bg, b) as u32 * excl as u32;
    let mut left = m as u16;
    if left < excl {
        let threshold = (u16::MAX - rng) % excl;
        while left < threshold {
            m = buffered_u16(bg, b) as u32 * excl as u32;
            left = m as u16;
        }
    }
    (m >> 16) as u16
}

/// A value in `[0, rng]` from buffered 8-bit pieces.
#[inline(always)]
pub(crate) fn bounded_u8<B: BitGenerator + ?Sized>(
    bg: &mut B,
    rng: u8,
    masked: bool,
    mask: u8,
    b: &mut Buf,
) -> u8 {
    if rng == 0 {
        return 0;
    }
    if rng == u8::MAX {
        return buffered_u8(bg, b);
    }
    if masked {
        loop {
            let v = buffered_u8(bg, b) & mask;
            if v <= rng {
                return v;
            }
        }
    }
    let excl = rng + 1;
    let mut m = buffered_u8(bg, b) as u16 * excl as u16;
    let mut left = m as u8;
    if left < excl {
        let threshold = (u8::MAX - rng) % excl;
        while left < threshold {
            m = buffered_u8(bg, b) as u16 * excl as u16;
            left = m as u8;
        }
    }
    (m >> 8) as u8
}

/// NumPy's `random_interval`: a value in `[0, max]` by masked rejection on
/// 32-bit words (64-bit words when `max` needs them). Used by `shuffle`.
#[inline]
pub(crate) fn random_interval<B: BitGenerator + ?Sized>(bg: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = gen_mask(max);
    if max <= 0xffff_ffff {
        loop {
            let v = (bg.next_uint32() as u64) & mask;
            if v <= max {
                return v;
            }
        }
    } else {
        loop {
            let v = bg.next_uint64() & mask;
            if v <= max {
                return v;
            }
        }
    }
}
