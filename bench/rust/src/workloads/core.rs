//! The array core and elementwise arithmetic: copies, broadcasting, operators, .npy.

use super::{Out, TempFile, Workload};
use crate::inputs::{mat, vec};
use numox::prelude::*;

pub fn workloads() -> Vec<Workload> {
    vec![
        ("add_1e7", || {
            let (a, b) = (vec(1), vec(2));
            Box::new(move || Out::from(&a + &b))
        }),
        ("add_into_1e7", || {
            let (a, b) = (vec(1), vec(2));
            let mut out = Array::<f64>::zeros(&[10_000_000]);
            Box::new(move || {
                numox::add_into(&a, &b, &mut out).expect("same shapes");
                Out::from(out[[0]])
            })
        }),
        ("mul_add_1e7", || {
            let (a, b, c) = (vec(1), vec(2), vec(3));
            Box::new(move || Out::from(numox::map3(&a, &b, &c, |x, y, z| x * y + z).expect("same shapes")))
        }),
        ("outer_add_4000x2500", || {
            let (col, row) = (mat(6, 4000, 1), mat(7, 1, 2500));
            Box::new(move || Out::from(&col + &row))
        }),
        ("transpose_copy_4000x4000", || {
            let t = mat(5, 4000, 4000);
            Box::new(move || Out::from(t.t().to_owned()))
        }),
        ("strided_copy_4000x4000", || {
            let t = mat(5, 4000, 4000);
            Box::new(move || Out::from(t.slice(s![..;2, ..;3]).to_owned()))
        }),
        ("npy_write_1e7", || {
            let (a, f) = (vec(8), TempFile::new("w.npy"));
            Box::new(move || {
                numox::save_npy(&f.0, &a).expect("npy write");
                Out::from(a[[0]])
            })
        }),
        ("npy_read_1e7", || {
            let f = TempFile::new("r.npy");
            numox::save_npy(&f.0, &vec(8)).expect("npy write");
            Box::new(move || Out::from(numox::load_npy_as::<f64>(&f.0).expect("npy read")))
        }),
        ("cumsum_1e7", || {
            let a = vec(5);
            Box::new(move || Out::from(a.cumsum()))
        }),
        ("where_1e7", || {
            let (a, b) = (vec(5), vec(6));
            let c = a.mapv(|x| x < 0.5);
            Box::new(move || Out::from(numox::where_(&c, &a, &b).expect("same shapes")))
        }),
        ("mask_select_1e7", || {
            let a = vec(5);
            let m = a.mapv(|x| x < 0.5);
            Box::new(move || Out::from(a.boolean_mask(&m).expect("same shape")))
        }),
    ]
}
