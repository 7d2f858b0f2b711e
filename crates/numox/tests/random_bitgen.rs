//! The bit generators against NumPy's own test sets (numpy/random/tests/data):
//! for each generator two seeds, 1000 raw outputs each, compared exactly.

use numox::random::{BitGenerator, Mt19937, Pcg64, Pcg64Dxsm, Philox, SeedSequence, Sfc64};
use rand_core::{Rng, SeedableRng};

fn read_testset(name: &str) -> (u128, Vec<u64>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/random_testsets")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let seed_line = lines.next().expect("seed line");
    let hex = |s: &str| u128::from_str_radix(s.trim().trim_start_matches("0x"), 16).expect("hex");
    let seed = hex(seed_line.split(',').nth(1).expect("seed value"));
    let vals: Vec<u64> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| hex(l.split(',').nth(1).unwrap()) as u64)
        .collect();
    assert_eq!(vals.len(), 1000, "{name}");
    (seed, vals)
}

fn check<B: BitGenerator>(name: &str, make: impl Fn(u128) -> B) {
    for k in 1..=2 {
        let file = format!("{name}-testset-{k}.csv");
        let (seed, want) = read_testset(&file);
        let mut bg = make(seed);
        let got: Vec<u64> = (0..want.len()).map(|_| bg.next_raw()).collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn pcg64_testsets() {
    check("pcg64", Pcg64::new);
}

#[test]
fn pcg64dxsm_testsets() {
    check("pcg64dxsm", Pcg64Dxsm::new);
}

#[test]
fn mt19937_testsets() {
    check("mt19937", Mt19937::new);
}

#[test]
fn philox_testsets() {
    check("philox", Philox::new);
}

#[test]
fn sfc64_testsets() {
    check("sfc64", Sfc64::new);
}

#[test]
fn rand_core_traits() {
    // seed_from_u64 is NumPy's `PCG64(seed)` (through SeedSequence).
    let mut a = Pcg64::seed_from_u64(0xdeadbeaf);
    let (_, want) = read_testset("pcg64-testset-1.csv");
    assert_eq!(a.next_u64(), want[0]);
    // next_u32 serves the low then the high half of one 64-bit word.
    let mut b = Pcg64::new(0xdeadbeaf);
    assert_eq!(b.next_u32() as u64, want[0] & 0xffff_ffff);
    assert_eq!(b.next_u32() as u64, want[0] >> 32);
    let mut bytes = [0u8; 12];
    Pcg64::new(0xdeadbeaf).fill_bytes(&mut bytes);
    assert_eq!(&bytes[..8], &want[0].to_le_bytes());
    assert_eq!(&bytes[8..], &want[1].to_le_bytes()[..4]);
    // from_seed takes the generate_state words.
    let w = SeedSequence::new(0xdeadbeaf).generate_state_u64(4);
    let mut seed = [0u8; 32];
    for (i, x) in w.iter().enumerate() {
        seed[8 * i..8 * i + 8].copy_from_slice(&x.to_le_bytes());
    }
    assert_eq!(Pcg64::from_seed(seed), Pcg64::new(0xdeadbeaf));
    let _ = Sfc64::seed_from_u64(1).next_u64();
    let _ = Philox::seed_from_u64(1).next_u64();
    let _ = Pcg64Dxsm::seed_from_u64(1).next_u64();
    assert_eq!(Mt19937::from_seed(5u32.to_le_bytes()), Mt19937::legacy_seed(5));
}
