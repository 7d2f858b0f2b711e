//! Chebyshev expansions of degrees 12 and 24 from 25 function values at
//! the Clenshaw–Curtis nodes (QUADPACK `dqcheb`), shared by the modified
//! Clenshaw–Curtis rules of qawo, qaws and qawc.

/// `cos(k pi / 24)`, `k = 1..=11`.
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
pub(crate) const X: [f64; 11] = [
    0.991444861373810411144557526928563,
    0.965925826289068286749743199728897,
    0.923879532511286756128183189396788,
    0.866025403784438646763723170752936,
    0.793353340291235164579776961501299,
    0.707106781186547524400844362104849,
    0.608761429008720639416097542898164,
    0.500000000000000000000000000000000,
    0.382683432365089771728459984030399,
    0.258819045102520762348898837624048,
    0.130526192220051591548406227895489,
];

/// Function values at `centr + hlgth cos(k pi / 24)`, `k = 0..=24`, with
/// the two end values halved (QUADPACK's `fval`).
pub(crate) fn sample<F: FnMut(f64) -> f64>(f: &mut F, centr: f64, hlgth: f64) -> [f64; 25] {
    let mut fval = [0.0; 25];
    fval[0] = 0.5 * f(centr + hlgth);
    fval[12] = f(centr);
    fval[24] = 0.5 * f(centr - hlgth);
    for i in 1..12 {
        let u = hlgth * X[i - 1];
        fval[i] = f(centr + u);
        fval[24 - i] = f(centr - u);
    }
    fval
}

/// The Chebyshev coefficients of degree 12 and 24 (`fval` is destroyed).
pub(crate) fn qcheb(fval: &mut [f64; 25]) -> ([f64; 13], [f64; 25]) {
    let x = &X;
    let mut cheb12 = [0.0; 13];
    let mut cheb24 = [0.0; 25];
    let mut v = [0.0; 12];
    for i in 0..12 {
        let j = 24 - i;
        v[i] = fval[i] - fval[j];
        fval[i] += fval[j];
    }
    let alam1 = v[0] - v[8];
    let alam2 = x[5] * (v[2] - v[6] - v[10]);
    cheb12[3] = alam1 + alam2;
    cheb12[9] = alam1 - alam2;
    let alam1 = v[1] - v[7] - v[9];
    let alam2 = v[3] - v[5] - v[11];
    let alam = x[2] * alam1 + x[8] * alam2;
    cheb24[3] = cheb12[3] + alam;
    cheb24[21] = cheb12[3] - alam;
    let alam = x[8] * alam1 - x[2] * alam2;
    cheb24[9] = cheb12[9] + alam;
    cheb24[15] = cheb12[9] - alam;
    let part1 = x[3] * v[4];
    let part2 = x[7] * v[8];
    let part3 = x[5] * v[6];
    let alam1 = v[0] + part1 + part2;
    let alam2 = x[1] * v[2] + part3 + x[9] * v[10];
    cheb12[1] = alam1 + alam2;
    cheb12[11] = alam1 - alam2;
    let alam = x[0] * v[1] + x[2] * v[3] + x[4] * v[5] + x[6] * v[7] + x[8] * v[9] + x[10] * v[11];
    cheb24[1] = cheb12[1] + alam;
    cheb24[23] = cheb12[1] - alam;
    let alam = x[10] * v[1] - x[8] * v[3] + x[6] * v[5] - x[4] * v[7] + x[2] * v[9] - x[0] * v[11];
    cheb24[11] = cheb12[11] + alam;
    cheb24[13] = cheb12[11] - alam;
    let alam1 = v[0] - part1 + part2;
    let alam2 = x[9] * v[2] - part3 + x[1] * v[10];
    cheb12[5] = alam1 + alam2;
    cheb12[7] = alam1 - alam2;
    let alam = x[4] * v[1] - x[8] * v[3] - x[0] * v[5] - x[10] * v[7] + x[2] * v[9] + x[6] * v[11];
    cheb24[5] = cheb12[5] + alam;
    cheb24[19] = cheb12[5] - alam;
    let alam = x[6] * v[1] - x[2] * v[3] - x[10] * v[5] + x[0] * v[7] - x[8] * v[9] - x[4] * v[11];
    cheb24[7] = cheb12[7] + alam;
    cheb24[17] = cheb12[7] - alam;
    for i in 0..6 {
        let j = 12 - i;
        v[i] = fval[i] - fval[j];
        fval[i] += fval[j];
    }
    let alam1 = v[0] + x[7] * v[4];
    let alam2 = x[3] * v[2];
    cheb12[2] = alam1 + alam2;
    cheb12[10] = alam1 - alam2;
    cheb12[6] = v[0] - v[4];
    let alam = x[1] * v[1] + x[5] * v[3] + x[9] * v[5];
    cheb24[2] = cheb12[2] + alam;
    cheb24[22] = cheb12[2] - alam;
    let alam = x[5] * (v[1] - v[3] - v[5]);
    cheb24[6] = cheb12[6] + alam;
    cheb24[18] = cheb12[6] - alam;
    let alam = x[9] * v[1] - x[5] * v[3] + x[1] * v[5];
    cheb24[10] = cheb12[10] + alam;
    cheb24[14] = cheb12[10] - alam;
    for i in 0..3 {
        let j = 6 - i;
        v[i] = fval[i] - fval[j];
        fval[i] += fval[j];
    }
    cheb12[4] = v[0] + x[7] * v[2];
    cheb12[8] = fval[0] - x[7] * fval[2];
    let alam = x[3] * v[1];
    cheb24[4] = cheb12[4] + alam;
    cheb24[20] = cheb12[4] - alam;
    let alam = x[7] * fval[1] - fval[3];
    cheb24[8] = cheb12[8] + alam;
    cheb24[16] = cheb12[8] - alam;
    cheb12[0] = fval[0] + fval[2];
    let alam = fval[1] + fval[3];
    cheb24[0] = cheb12[0] + alam;
    cheb24[24] = cheb12[0] - alam;
    cheb12[12] = v[0] - v[2];
    cheb24[12] = cheb12[12];
    let alam = 1.0 / 6.0;
    for c in cheb12.iter_mut().take(12).skip(1) {
        *c *= alam;
    }
    let alam = 0.5 * alam;
    cheb12[0] *= alam;
    cheb12[12] *= alam;
    for c in cheb24.iter_mut().take(24).skip(1) {
        *c *= alam;
    }
    cheb24[0] *= 0.5 * alam;
    cheb24[24] *= 0.5 * alam;
    (cheb12, cheb24)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion_of_a_chebyshev_polynomial() {
        // T_3(x) = 4x^3 - 3x: its coefficient vector is e_3 in both expansions.
        let mut f = |x: f64| 4.0 * x * x * x - 3.0 * x;
        let mut fval = sample(&mut f, 0.0, 1.0);
        let (c12, c24) = qcheb(&mut fval);
        for (k, c) in c12.iter().enumerate() {
            let want = if k == 3 { 1.0 } else { 0.0 };
            assert!((c - want).abs() < 1e-14, "c12[{k}] = {c}");
        }
        for (k, c) in c24.iter().enumerate() {
            let want = if k == 3 { 1.0 } else { 0.0 };
            assert!((c - want).abs() < 1e-14, "c24[{k}] = {c}");
        }
    }
}
