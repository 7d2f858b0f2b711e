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

use crate::common;

/// SeedSequence, advance/jumped and the buffered 32-bit half against NumPy
/// 2.4.6 (tools/refgen/gen_random_bitgen.py): every value compared exactly.
#[test]
fn seed_sequence_and_state_operations_match_numpy() {
    use numox::random::{FromSeedSequence, Generator};
    use serde_json::Value;
    let cases = common::load_cases("random_bitgen");
    let big = |v: &Value| v.as_str().expect("decimal string").parse::<u128>().expect("u128");
    fn raw<B: BitGenerator>(mut b: B, n: usize) -> Vec<u64> {
        (0..n).map(|_| b.next_raw()).collect()
    }
    fn interleave<B: FromSeedSequence>(seed: u128) -> Vec<u64> {
        let mut g: Generator<B> = Generator::from_seed_sequence(&SeedSequence::new(seed));
        let mut v: Vec<u64> = g
            .integers::<u32>(0, 1 << 32, 3, false)
            .unwrap()
            .iter()
            .map(|&x| x as u64)
            .collect();
        v.push(g.bit_generator_mut().next_raw());
        v.push(g.bit_generator_mut().next_raw());
        v.extend(
            g.integers::<u32>(0, 1 << 32, 2, false)
                .unwrap()
                .iter()
                .map(|&x| x as u64),
        );
        v
    }
    for case in &cases {
        let ctx = case.ctx();
        match case.op.as_str() {
            "seedseq" => {
                let key: Vec<u64> = case
                    .param("spawn_key")
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap())
                    .collect();
                let ss = SeedSequence::with_spawn_key(
                    &[big(case.param("entropy").unwrap())],
                    &key,
                    case.i64_param("pool_size") as usize,
                )
                .unwrap();
                assert_eq!(ss.generate_state_u32(9), case.output::<u32>(0).to_vec(), "{ctx}");
                assert_eq!(ss.generate_state_u64(5), case.output::<u64>(1).to_vec(), "{ctx}");
            }
            "seedseq_seq" => {
                let ent: Vec<u128> = case
                    .param("entropy")
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(big)
                    .collect();
                let ss = SeedSequence::from_entropy_seq(&ent);
                assert_eq!(ss.generate_state_u32(6), case.output::<u32>(0).to_vec(), "{ctx}");
            }
            "advance" | "jumped" => {
                let seed = case.i64_param("seed") as u128;
                let want = case.output::<u64>(0).to_vec();
                let adv = case.op == "advance";
                let delta = if adv { big(case.param("delta").unwrap()) } else { 0 };
                let jumps = if adv { 0 } else { case.i64_param("jumps") as u128 };
                let got = match case.str_param("bitgen") {
                    "pcg64" => {
                        let mut b = Pcg64::new(seed);
                        if adv {
                            raw(&mut b, 3);
                            b.advance(delta);
                            raw(b, 4)
                        } else {
                            raw(b.jumped(jumps), 4)
                        }
                    }
                    "pcg64dxsm" => {
                        let mut b = Pcg64Dxsm::new(seed);
                        if adv {
                            raw(&mut b, 3);
                            b.advance(delta);
                            raw(b, 4)
                        } else {
                            raw(b.jumped(jumps), 4)
                        }
                    }
                    "philox" => {
                        let mut b = Philox::new(seed);
                        if adv {
                            raw(&mut b, 3);
                            b.advance(delta);
                            raw(b, 4)
                        } else {
                            raw(b.jumped(jumps), 4)
                        }
                    }
                    other => panic!("{other}"),
                };
                assert_eq!(got, want, "{ctx}");
            }
            "mt_jumped" => {
                let seed = case.i64_param("seed");
                let mut b = if case.param("legacy").unwrap().as_bool().unwrap() {
                    Mt19937::legacy_seed(seed as u32)
                } else {
                    Mt19937::new(seed as u128)
                };
                raw(&mut b, case.i64_param("used") as usize);
                let j = b.jumped(case.i64_param("jumps") as u64);
                let st = j.state();
                assert_eq!(st.key, case.output::<u32>(0).to_vec(), "{ctx}");
                assert_eq!(st.pos as i64, case.output::<i64>(1).to_vec()[0], "{ctx}");
                assert_eq!(raw(j, 5), case.output::<u64>(2).to_vec(), "{ctx}");
            }
            "interleave" => {
                let want = case.output::<u64>(0).to_vec();
                let got = match case.str_param("bitgen") {
                    "pcg64" => interleave::<Pcg64>(7),
                    "pcg64dxsm" => interleave::<Pcg64Dxsm>(7),
                    "philox" => interleave::<Philox>(7),
                    "sfc64" => interleave::<Sfc64>(7),
                    "mt19937" => interleave::<Mt19937>(7),
                    other => panic!("{other}"),
                };
                assert_eq!(got, want, "{ctx}");
            }
            other => panic!("unknown op {other}"),
        }
    }
    assert_eq!(cases.len(), 124, "every recorded case checked");
}
