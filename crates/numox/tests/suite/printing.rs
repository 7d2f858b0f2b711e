//! Printing API behaviour: global and scoped options, `{:.N}`, views and
//! layouts, hostile options, `format_float_*` errors. (Exact agreement with
//! NumPy's text is checked case by case in `conformance_printing.rs`.)

use numox::prelude::*;
use numox::{
    FloatFormatOptions, FloatMode, PrintOptions, Sign, Trim, array_repr, array_str, array2string,
    format_float_positional, format_float_scientific, get_printoptions, set_printoptions, with_printoptions,
};

/// Display under NumPy's default options, shielded (thread-locally) from
/// the one test here that changes the global options.
fn show<T: std::fmt::Display>(x: &T) -> String {
    with_printoptions(PrintOptions::default(), || x.to_string())
}

/// Debug under the default options (see [`show`]).
fn show_repr<T: std::fmt::Debug>(x: &T) -> String {
    with_printoptions(PrintOptions::default(), || format!("{x:?}"))
}

#[test]
fn global_options_apply_everywhere_and_scopes_win_on_their_thread() {
    let a = array![1.0 / 3.0, 2.0];
    let before = get_printoptions();
    set_printoptions(PrintOptions {
        precision: 3,
        ..Default::default()
    });
    assert_eq!(get_printoptions().precision, 3);
    assert_eq!(a.to_string(), "[0.333 2.   ]");
    // The global setting is visible from other threads.
    let other = std::thread::scope(|s| s.spawn(|| a.to_string()).join().unwrap());
    assert_eq!(other, "[0.333 2.   ]");
    // A scope overrides it on this thread only.
    with_printoptions(
        PrintOptions {
            precision: 1,
            ..Default::default()
        },
        || {
            assert_eq!(a.to_string(), "[0.3 2. ]");
            let other = std::thread::scope(|s| s.spawn(|| a.to_string()).join().unwrap());
            assert_eq!(other, "[0.333 2.   ]");
        },
    );
    assert_eq!(a.to_string(), "[0.333 2.   ]");
    set_printoptions(before.clone());
    assert_eq!(get_printoptions(), before);
}

#[test]
fn scoped_options_are_restored_after_a_panic() {
    let before = get_printoptions();
    let r = std::panic::catch_unwind(|| {
        with_printoptions(
            PrintOptions {
                linewidth: 10,
                ..before.clone()
            },
            || {
                assert_eq!(get_printoptions().linewidth, 10);
                panic!("inside the scope")
            },
        )
    });
    assert!(r.is_err());
    assert_eq!(get_printoptions(), before);
}

#[test]
fn formatter_precision_sets_the_precision() {
    let a = array![1.0 / 3.0, 2.0 / 3.0];
    let (s, r) = with_printoptions(PrintOptions::default(), || {
        (format!("{a:.2}"), format!("{a:.2?}"))
    });
    assert_eq!(s, "[0.33 0.67]");
    assert_eq!(r, "array([0.33, 0.67])");
    assert_eq!(show(&a), "[0.33333333 0.66666667]");
}

#[test]
fn every_dtype_gets_numpys_repr_suffix() {
    assert_eq!(show_repr(&array![true, false]), "array([ True, False])");
    assert_eq!(show_repr(&array![1i8, 2]), "array([1, 2], dtype=int8)");
    assert_eq!(show_repr(&array![1i16, 2]), "array([1, 2], dtype=int16)");
    assert_eq!(show_repr(&array![1i32, 2]), "array([1, 2], dtype=int32)");
    assert_eq!(show_repr(&array![1i64, 2]), "array([1, 2])");
    assert_eq!(show_repr(&array![1u8, 2]), "array([1, 2], dtype=uint8)");
    assert_eq!(show_repr(&array![1u16, 2]), "array([1, 2], dtype=uint16)");
    assert_eq!(show_repr(&array![1u32, 2]), "array([1, 2], dtype=uint32)");
    assert_eq!(show_repr(&array![1u64, 2]), "array([1, 2], dtype=uint64)");
    assert_eq!(show_repr(&array![1f32, 2.5]), "array([1. , 2.5], dtype=float32)");
    assert_eq!(show_repr(&array![1f64, 2.5]), "array([1. , 2.5])");
    let c32 = array![Complex32::new(1.0, -1.0)];
    assert_eq!(show_repr(&c32), "array([1.-1.j], dtype=complex64)");
    let c64 = array![Complex64::new(0.0, 2.0)];
    assert_eq!(show_repr(&c64), "array([0.+2.j])");
    // Empty arrays always name their dtype; `shape=` unless the shape is (0,).
    assert_eq!(show_repr(&Array::<f64>::zeros(&[0])), "array([], dtype=float64)");
    assert_eq!(
        show_repr(&Array::<bool>::zeros(&[2, 0])),
        "array([], shape=(2, 0), dtype=bool)"
    );
    assert_eq!(show(&Array::<i64>::zeros(&[0, 3])), "[]");
}

#[test]
fn views_print_like_their_copies() {
    let mut a = Array::from_shape_fn(&[4, 5, 6], |ix| {
        (ix[0] * 30 + ix[1] * 6 + ix[2]) as f64 * 0.75 - 20.0
    })
    .unwrap();
    let views = [
        a.t(),
        a.slice(s![..;-1, 1..;2, ..;-3]),
        a.slice(s![.., 2, ..]),
        a.slice(s![1..3, NewAxis, .., -1]),
    ];
    for v in &views {
        assert_eq!(show(v), show(&v.to_owned()));
        assert_eq!(show_repr(v), show_repr(&v.to_owned()));
    }
    // Zero strides (broadcast) and mutable views.
    let row = array![1i16, -2, 3];
    let b = row.broadcast(&[2, 3]).unwrap();
    assert_eq!(show(&b), "[[ 1 -2  3]\n [ 1 -2  3]]");
    let m = a.slice_mut(s![0, 0, ..2]);
    assert_eq!(show_repr(&m), "array([-20.  , -19.25])");
    // A CowArray prints what it holds.
    let c = row.reshape(&[3, 1]).unwrap();
    assert_eq!(show(&c), "[[ 1]\n [-2]\n [ 3]]");
    assert_eq!(
        show_repr(&c),
        "array([[ 1],\n       [-2],\n       [ 3]], dtype=int16)"
    );
}

#[test]
fn zero_d_arrays_print_as_scalars_in_str() {
    assert_eq!(show(&Array::from_elem0(1e20)), "1e+20");
    assert_eq!(show_repr(&Array::from_elem0(1e20)), "array(1.e+20)");
    assert_eq!(
        array2string(&Array::from_elem0(1e20), &PrintOptions::default()),
        "1.e+20"
    );
    assert_eq!(show(&Array::from_elem0(0.1f32)), "0.1");
    assert_eq!(show(&Array::from_elem0(Complex64::new(1.0, 2.0))), "(1+2j)");
    assert_eq!(show(&Array::from_elem0(true)), "True");
    assert_eq!(show_repr(&Array::from_elem0(true)), "array(True)");
    assert_eq!(show(&Array::from_elem0(u64::MAX)), "18446744073709551615");
}

#[test]
fn summarising_a_huge_array_reads_only_its_corners() {
    let n = 4_000_000;
    let a: Array<f64> = (0..n).map(|i| i as f64).collect();
    let a = a.into_shape(&[2000, 2000], Order::C).unwrap();
    let t = std::time::Instant::now();
    let s = show(&a);
    let r = show_repr(&a);
    assert!(t.elapsed().as_secs_f64() < 1.0, "printing took {:?}", t.elapsed());
    assert_eq!(s.lines().count(), 13);
    assert!(s.ends_with(
        " [3.998000e+06 3.998001e+06 3.998002e+06 ... 3.999997e+06 3.999998e+06\n  3.999999e+06]]"
    ));
    assert!(s.starts_with(
        "[[0.000000e+00 1.000000e+00 2.000000e+00 ... 1.997000e+03 1.998000e+03\n  1.999000e+03]"
    ));
    assert!(r.ends_with("shape=(2000, 2000))"));
}

#[test]
fn hostile_options_do_not_panic_or_explode() {
    let a = array![[1.5, -2.0], [3.25, f64::NAN]];
    let extreme = [
        PrintOptions {
            linewidth: 0,
            ..Default::default()
        },
        PrintOptions {
            linewidth: usize::MAX,
            ..Default::default()
        },
        PrintOptions {
            edgeitems: usize::MAX,
            threshold: 0,
            ..Default::default()
        },
        PrintOptions {
            edgeitems: 0,
            threshold: 0,
            ..Default::default()
        },
        PrintOptions {
            threshold: usize::MAX,
            ..Default::default()
        },
        PrintOptions {
            precision: usize::MAX,
            floatmode: FloatMode::Fixed,
            ..Default::default()
        },
        PrintOptions {
            precision: 0,
            sign: Sign::Plus,
            suppress: true,
            ..Default::default()
        },
        PrintOptions {
            nanstr: String::new(),
            infstr: "∞".into(),
            ..Default::default()
        },
    ];
    for o in &extreme {
        let s = array_str(&a, o);
        let r = array_repr(&a, o);
        assert!(s.contains('[') && r.starts_with("array("), "{o:?}");
        // Precision is clamped to NumPy's 16 KiB formatting buffer.
        assert!(s.len() < 4 * 16400, "{o:?}: {} bytes", s.len());
    }
    assert_eq!(array_str(&a, &extreme[1]), "[[ 1.5  -2.  ]\n [ 3.25   nan]]");
    assert_eq!(array_str(&array![1.0, 2.0], &extreme[6]), "[+1. +2.]");
}

#[test]
fn format_float_functions_validate_their_arguments() {
    let d = FloatFormatOptions::default();
    let no_precision = FloatFormatOptions { unique: false, ..d };
    assert!(format_float_positional(1.0f64, &no_precision).is_err());
    assert!(format_float_scientific(1.0f32, &no_precision).is_err());
    let min_above = FloatFormatOptions {
        precision: Some(2),
        min_digits: Some(3),
        ..d
    };
    assert!(format_float_positional(1.0f64, &min_above).is_err());
    assert!(format_float_scientific(1.0f64, &min_above).is_err());
    let zero_sig = FloatFormatOptions {
        precision: Some(0),
        fractional: false,
        ..d
    };
    assert!(format_float_positional(1.0f64, &zero_sig).is_err());
    // Inf and NaN ignore padding; -0.0 keeps its sign.
    let padded = FloatFormatOptions {
        pad_left: Some(6),
        pad_right: Some(3),
        trim: Trim::Point,
        ..d
    };
    assert_eq!(
        format_float_positional(f64::NEG_INFINITY, &padded).unwrap(),
        "-inf"
    );
    assert_eq!(format_float_positional(f64::NAN, &padded).unwrap(), "nan");
    assert_eq!(format_float_positional(-0.0f64, &padded).unwrap(), "    -0.   ");
    // Huge requests are clamped rather than allocating without bound.
    let huge = FloatFormatOptions {
        precision: Some(usize::MAX),
        unique: false,
        pad_left: Some(usize::MAX),
        ..d
    };
    let s = format_float_positional(0.5f64, &huge).unwrap();
    assert!(s.len() <= 2 * 16384 + 2, "{}", s.len());
}

#[test]
fn random_arrays_print_like_numpy_rules_require() {
    // Structural checks over many shapes: brackets balance, every printed row
    // of a 2-d array has the same width, and a reversed view prints the
    // reversed elements.
    let mut seed = 7u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..200 {
        let (r, c) = (1 + next() % 6, 1 + next() % 9);
        let a = Array::from_shape_fn(&[r, c], |ix| {
            ((ix[0] * 31 + ix[1] * 17) % 23) as f64 * 10f64.powi((next() % 9) as i32 - 4) - 3.0
        })
        .unwrap();
        let s = show(&a);
        assert_eq!(s.matches('[').count(), r + 1);
        assert_eq!(s.matches(']').count(), r + 1);
        if r >= 2 && s.lines().count() == r {
            // One line per row: `[[row]`, ` [row]`, ..., ` [row]]`.
            let widths: Vec<usize> = s.lines().map(str::len).collect();
            let w = widths[0];
            assert!(widths[..r - 1].iter().all(|&x| x == w), "{s}");
            assert_eq!(widths[r - 1], w + 1, "{s}");
        }
        let mut rev = a.view();
        rev.invert_axis(1).unwrap();
        assert_eq!(show(&rev), show(&rev.to_owned()));
    }
}
