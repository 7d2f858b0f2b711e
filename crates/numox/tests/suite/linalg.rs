//! numox.linalg beyond the NumPy reference data: the error path of every
//! public entry point, empty and strided inputs, stacks processed in
//! parallel (checked against one-by-one results), and properties
//! (solve residuals, inverse round trips, factorisation identities) on
//! random matrices.

use numox::linalg::{self, NormOrd, QrMode, Uplo};
use numox::prelude::*;
use proptest::prelude::*;

fn rand_mat(n: usize, m: usize, seed: u64) -> Array<f64> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    Array::from_shape_fn(&[n, m], |_| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    })
    .unwrap()
}

fn max_diff(a: &Array<f64>, b: &Array<f64>) -> f64 {
    assert_eq!(a.shape(), b.shape());
    a.iter().zip(b.iter()).fold(0.0, |m, (x, y)| m.max((x - y).abs()))
}

#[test]
fn every_entry_point_rejects_bad_ranks_and_shapes() {
    let v = array![1.0, 2.0, 3.0];
    let rect = Array::<f64>::ones(&[2, 3]);
    let sq = Array::<f64>::eye_like_identity(3);
    assert!(linalg::solve(&v, &v).is_err());
    assert!(linalg::solve(&rect, &v).is_err());
    assert!(linalg::solve(&sq, &array![1.0, 2.0]).is_err());
    assert!(linalg::inv(&v).is_err());
    assert!(linalg::inv(&rect).is_err());
    assert!(linalg::det(&rect).is_err());
    assert!(linalg::slogdet(&v).is_err());
    assert!(linalg::cholesky(&rect, false).is_err());
    assert!(linalg::qr(&v, QrMode::Reduced).is_err());
    assert!(linalg::qr_r(&v).is_err());
    assert!(linalg::svd(&v, true, false).is_err());
    assert!(linalg::svd(&rect, true, true).is_err());
    assert!(linalg::svdvals(&v).is_err());
    assert!(linalg::eig(&rect).is_err());
    assert!(linalg::eigvals(&v).is_err());
    assert!(linalg::eigh(&rect, Uplo::L).is_err());
    assert!(linalg::eigvalsh(&v, Uplo::U).is_err());
    assert!(linalg::pinv(&v, None, false).is_err());
    assert!(linalg::pinv(&rect, None, true).is_err());
    assert!(linalg::lstsq(&v, &v, None).is_err());
    assert!(linalg::lstsq(&rect, &v, None).is_err());
    assert!(linalg::lstsq(&Array::<f64>::ones(&[2, 2, 2]), &v, None).is_err());
    assert!(
        linalg::norm(
            &Array::<f64>::ones(&[2, 2, 2]),
            Some(NormOrd::P(2.0)),
            None,
            false
        )
        .is_err()
    );
    assert!(linalg::norm(&v, None, Some(&[3]), false).is_err());
    assert!(linalg::norm(&sq, None, Some(&[0, 1, 0]), false).is_err());
    assert!(linalg::vector_norm(&v, NormOrd::Nuc, None, false).is_err());
    assert!(linalg::matrix_norm(&v, NormOrd::Fro, false).is_err());
    assert!(linalg::cond(&v, None).is_err());
    assert!(linalg::cond(&rect, Some(NormOrd::P(1.0))).is_err());
    assert!(linalg::matrix_rank(&sq, Some(1.0), false, Some(1.0)).is_err());
    assert!(linalg::matrix_power(&rect, 2).is_err());
    assert!(linalg::trace(&v, 0).is_err());
    assert!(linalg::multi_dot(&[v.view()]).is_err());
    assert!(linalg::multi_dot(&[sq.view(), rect.view(), sq.view()]).is_err());
    assert!(numox::matmul(&sq, &rect.t().slice(s![..2, ..])).is_err());
    assert!(numox::dot(&rect, &rect).is_err());
    assert!(numox::inner(&rect, &rect.t()).is_err());
    assert!(numox::vecdot(&rect, &sq, -1).is_err());
    assert!(numox::vecdot(&rect, &rect, 2).is_err());
    assert!(numox::matvec(&v, &v).is_err());
    assert!(numox::vecmat(&v, &v).is_err());
    assert!(numox::tensordot(&rect, &rect, 3).is_err());
    assert!(numox::tensordot(&rect, &rect, (vec![0], vec![1])).is_err());
    assert!(numox::tensordot(&rect, &rect, (vec![0, 0], vec![0, 0])).is_err());
    assert!(numox::tensordot(&rect, &rect, (vec![0], vec![0, 1])).is_err());
    assert!(linalg::einsum("ij,jk->ik", &[&rect, &rect]).is_err());
    assert!(linalg::einsum("ij->ij->", &[&rect]).is_err());
}

/// `Array::eye_like_identity` is not numox API: a local helper trait.
trait Identity {
    fn eye_like_identity(n: usize) -> Array<f64>;
}

impl Identity for Array<f64> {
    fn eye_like_identity(n: usize) -> Array<f64> {
        numox::identity::<f64>(n).unwrap()
    }
}

#[test]
fn linalg_errors_name_the_problem() {
    let sing = array![[1.0, 2.0], [2.0, 4.0]];
    assert!(matches!(linalg::inv(&sing), Err(Error::Singular)));
    assert!(matches!(
        linalg::solve(&sing, &array![1.0, 1.0]),
        Err(Error::Singular)
    ));
    assert!(matches!(
        linalg::cholesky(&array![[-1.0]], false),
        Err(Error::NotPositiveDefinite)
    ));
    assert!(matches!(
        linalg::svdvals(&array![[f64::INFINITY, 0.0], [0.0, 1.0]]),
        Err(Error::NotConverged { .. })
    ));
    let msg = linalg::inv(&Array::<f64>::ones(&[2, 3])).unwrap_err().to_string();
    assert!(msg.contains("square"), "{msg}");
    let msg = linalg::det(&array![1.0]).unwrap_err().to_string();
    assert!(msg.contains("at least two-dimensional"), "{msg}");
    // A singular matrix in the middle of a large stack is reported.
    let mut stack = Array::<f64>::zeros(&[300, 3, 3]);
    for k in 0..300 {
        if k != 150 {
            for i in 0..3 {
                stack[[k, i, i]] = 1.0;
            }
        }
    }
    assert!(matches!(linalg::inv(&stack), Err(Error::Singular)));
    assert_eq!(linalg::det(&stack).unwrap()[[150]], 0.0);
}

#[test]
fn empty_and_zero_size_inputs() {
    let e = Array::<f64>::zeros(&[0, 0]);
    assert_eq!(linalg::det(&e).unwrap().into_scalar(), 1.0);
    let r = linalg::slogdet(&e).unwrap();
    assert_eq!((r.sign.into_scalar(), r.logabsdet.into_scalar()), (1.0, 0.0));
    assert_eq!(linalg::inv(&e).unwrap().shape(), &[0, 0]);
    assert_eq!(linalg::eigvalsh(&e, Uplo::L).unwrap().shape(), &[0]);
    assert_eq!(linalg::eigvals(&e).unwrap().shape(), &[0]);
    assert_eq!(
        linalg::svdvals(&Array::<f64>::zeros(&[0, 3])).unwrap().shape(),
        &[0]
    );
    let f = linalg::svd(&Array::<f64>::zeros(&[0, 3]), true, false).unwrap();
    assert_eq!((f.u.shape(), f.vh.shape()), (&[0, 0][..], &[3, 3][..]));
    let q = linalg::qr(&Array::<f64>::zeros(&[3, 0]), QrMode::Complete).unwrap();
    assert_eq!((q.q.shape(), q.r.shape()), (&[3, 3][..], &[3, 0][..]));
    assert_eq!(
        linalg::pinv(&Array::<f64>::zeros(&[2, 0]), None, false)
            .unwrap()
            .shape(),
        &[0, 2]
    );
    assert_eq!(
        numox::matmul(&Array::<f64>::zeros(&[4, 0]), &Array::<f64>::zeros(&[0, 5])).unwrap(),
        Array::zeros(&[4, 5])
    );
    assert_eq!(
        linalg::solve(&Array::<f64>::zeros(&[5, 0, 0]), &Array::<f64>::zeros(&[5, 0, 2]))
            .unwrap()
            .shape(),
        &[5, 0, 2]
    );
    let l = linalg::lstsq(&Array::<f64>::zeros(&[0, 3]), &Array::<f64>::zeros(&[0]), None).unwrap();
    assert_eq!((l.x.shape(), l.rank), (&[3][..], 0));
    assert_eq!(
        linalg::cholesky(&Array::<f64>::zeros(&[2, 0, 0]), false)
            .unwrap()
            .shape(),
        &[2, 0, 0]
    );
}

#[test]
fn parallel_stacks_equal_one_by_one_results() {
    // 300 matrices of order 3 (small-matrix path) and 40 of order 12 (faer path),
    // each result compared with the same matrix computed alone.
    for (count, n) in [(300usize, 3usize), (40, 12)] {
        let data: Vec<f64> = rand_mat(count * n, n, n as u64).into_vec();
        let mut a = Array::from_shape_vec(&[count, n, n], data).unwrap();
        for k in 0..count {
            for i in 0..n {
                a[[k, i, i]] += 2.0;
            }
        }
        let inv = linalg::inv(&a).unwrap();
        let det = linalg::det(&a).unwrap();
        let sym = a
            .zip_with(&a.view().permuted_axes(&[0, 2, 1]).unwrap(), |x, y| x + y)
            .unwrap();
        let eh = linalg::eigh(&sym, Uplo::L).unwrap();
        for k in [0, count / 2, count - 1] {
            let ak = a.index_axis(0, k as isize).unwrap().to_owned();
            assert_eq!(
                inv.index_axis(0, k as isize).unwrap().to_owned(),
                linalg::inv(&ak).unwrap()
            );
            assert_eq!(det[[k]], linalg::det(&ak).unwrap().into_scalar());
            let sk = sym.index_axis(0, k as isize).unwrap().to_owned();
            assert_eq!(
                eh.eigenvalues.index_axis(0, k as isize).unwrap().to_owned(),
                linalg::eigvalsh(&sk, Uplo::L).unwrap()
            );
        }
    }
}

#[test]
fn single_precision_and_complex_stacks() {
    let a32 = rand_mat(6, 6, 3).mapv(|x| x as f32 + 0.0);
    let mut a32 = a32;
    for i in 0..6 {
        a32[[i, i]] += 3.0;
    }
    let x = linalg::solve(&a32, &Array::<f32>::ones(&[6])).unwrap();
    let r = numox::matmul(&a32, &x).unwrap();
    assert!(r.iter().all(|&v| (v - 1.0).abs() < 1e-5));
    let c = a32.mapv(|v| Complex32::new(v, 0.5 * v));
    let ci = linalg::inv(&c).unwrap();
    let id = numox::matmul(&c, &ci).unwrap();
    for i in 0..6 {
        for j in 0..6 {
            let want = if i == j { 1.0 } else { 0.0 };
            assert!((id[[i, j]] - Complex32::new(want, 0.0)).norm() < 1e-5);
        }
    }
    let w = linalg::eigvals(&c).unwrap();
    let tr: Complex32 = (0..6).map(|i| c[[i, i]]).sum();
    let sw: Complex32 = w.iter().copied().sum();
    assert!((tr - sw).norm() < 1e-4);
}

#[test]
fn strided_and_reversed_views_are_read_correctly() {
    let big = rand_mat(10, 12, 9);
    let v = big.slice(s![1..;2, ..;-2]); // 5 x 6, negative column stride
    let sq = v.slice(s![.., ..5]);
    let owned = sq.to_owned();
    assert_eq!(linalg::det(&sq).unwrap(), linalg::det(&owned).unwrap());
    assert_eq!(
        linalg::svdvals(&v).unwrap(),
        linalg::svdvals(&v.to_owned()).unwrap()
    );
    let q = linalg::qr(&v.t(), QrMode::Reduced).unwrap();
    assert!(max_diff(&numox::matmul(&q.q, &q.r).unwrap(), &v.t().to_owned()) < 1e-13);
    // A broadcast (zero-stride) operand.
    let row = array![1.0, 2.0, 3.0];
    let b = row.broadcast(&[3, 3]).unwrap();
    assert_eq!(
        linalg::matrix_rank(&b, None, false, None).unwrap().into_scalar(),
        1
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn solve_residual_and_inverse_round_trip(n in 1usize..24, seed in 0u64..1000) {
        let mut a = rand_mat(n, n, seed);
        for i in 0..n {
            a[[i, i]] += n as f64 * 0.5 + 1.0; // diagonally dominant: cond <= ~3
        }
        let b = rand_mat(n, 2, seed + 1);
        let x = linalg::solve(&a, &b).unwrap();
        prop_assert!(max_diff(&numox::matmul(&a, &x).unwrap(), &b) < 1e-12 * n as f64);
        let ai = linalg::inv(&a).unwrap();
        let back = linalg::inv(&ai).unwrap();
        prop_assert!(max_diff(&back, &a) < 1e-11 * n as f64);
        let d = linalg::det(&a).unwrap().into_scalar();
        let di = linalg::det(&ai).unwrap().into_scalar();
        prop_assert!((d * di - 1.0).abs() < 1e-11 * n as f64);
    }

    #[test]
    fn factorisations_reconstruct(m in 1usize..16, n in 1usize..16, seed in 0u64..1000) {
        let a = rand_mat(m, n, seed);
        let f = linalg::svd(&a, false, false).unwrap();
        let k = m.min(n);
        let us = Array::from_shape_fn(&[m, k], |ix| f.u[[ix[0], ix[1]]] * f.s[[ix[1]]]).unwrap();
        prop_assert!(max_diff(&numox::matmul(&us, &f.vh).unwrap(), &a) < 1e-13 * (m + n) as f64);
        let q = linalg::qr(&a, QrMode::Complete).unwrap();
        prop_assert!(max_diff(&numox::matmul(&q.q, &q.r).unwrap(), &a) < 1e-13 * (m + n) as f64);
        let g = numox::matmul(&a.t(), &a).unwrap();
        let mut spd = g.clone();
        for i in 0..n {
            spd[[i, i]] += 1.0;
        }
        let l = linalg::cholesky(&spd, false).unwrap();
        prop_assert!(max_diff(&numox::matmul(&l, &l.t()).unwrap(), &spd) < 1e-12 * (m + n) as f64);
        let e = linalg::eigh(&spd, Uplo::L).unwrap();
        let s2 = linalg::svdvals(&a).unwrap();
        // eigenvalues of AᵀA + I are s² + 1 (and 1 for the missing ones).
        let mut want: Vec<f64> = s2.iter().map(|s| s * s + 1.0).collect();
        want.resize(n, 1.0);
        want.sort_by(f64::total_cmp);
        for (g, w) in e.eigenvalues.iter().zip(&want) {
            prop_assert!((g - w).abs() < 1e-12 * (m + n) as f64 * w);
        }
    }

    #[test]
    fn einsum_agrees_with_products(m in 1usize..8, k in 1usize..8, n in 1usize..8, seed in 0u64..1000) {
        let a = rand_mat(m, k, seed);
        let b = rand_mat(k, n, seed + 7);
        let c = rand_mat(n, m, seed + 9);
        let ab = numox::matmul(&a, &b).unwrap();
        prop_assert!(max_diff(&linalg::einsum("ij,jk->ik", &[&a, &b]).unwrap(), &ab) < 1e-14 * k as f64);
        let abc = numox::matmul(&ab, &c).unwrap();
        let tr: f64 = (0..m).map(|i| abc[[i, i]]).sum();
        let e = linalg::einsum("ij,jk,ki->", &[&a, &b, &c]).unwrap().into_scalar();
        prop_assert!((e - tr).abs() < 1e-13 * (m * n * k) as f64);
        let md = linalg::multi_dot(&[a.view(), b.view(), c.view()]).unwrap();
        prop_assert!(max_diff(&md, &abc) < 1e-13 * (m * n * k) as f64);
    }
}
