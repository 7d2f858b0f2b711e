//! Gauss–Kronrod rules of QUADPACK: the 21-point rule (`dqk21`, used by
//! qagse and qagpe), the transformed 15-point rule for infinite ranges
//! (`dqk15i`, qagie) and the weighted 15-point rule (`dqk15w`, used by the
//! weighted routines away from their singular points).
//!
//! Every rule returns the Kronrod estimate, QUADPACK's error estimate
//! (`|K - G|` scaled by `resasc * min(1, (200 |K - G| / resasc)^1.5)` and
//! floored at `50 eps resabs`), and the two auxiliary integrals `resabs`
//! (of `|f|`) and `resasc` (of `|f - mean|`). The sums are accumulated in
//! QUADPACK's order so that the results agree with SciPy bit for bit.

use super::{EPMACH, UFLOW};

/// Output of one rule application.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Qk {
    pub result: f64,
    pub abserr: f64,
    pub resabs: f64,
    pub resasc: f64,
}

// Nodes and weights of the (10, 21) Gauss–Kronrod pair on (-1, 1)
// (Fullerton's 80-digit values as QUADPACK tabulates them; the literals
// round to the same doubles as SciPy's C source).
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const WG10: [f64; 5] = [
    0.066671344308688137593568809893332,
    0.149451349150580593145776339657697,
    0.219086362515982043995534934228163,
    0.269266719309996355091226921569469,
    0.295524224714752870173892994651338,
];
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const XGK21: [f64; 11] = [
    0.995657163025808080735527280689003,
    0.973906528517171720077964012084452,
    0.930157491355708226001207180059508,
    0.865063366688984510732096688423493,
    0.780817726586416897063717578345042,
    0.679409568299024406234327365114874,
    0.562757134668604683339000099272694,
    0.433395394129247190799265943165784,
    0.294392862701460198131126603103866,
    0.148874338981631210884826001129720,
    0.000000000000000000000000000000000,
];
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const WGK21: [f64; 11] = [
    0.011694638867371874278064396062192,
    0.032558162307964727478818972459390,
    0.054755896574351996031381300244580,
    0.075039674810919952767043140916190,
    0.093125454583697605535065465083366,
    0.109387158802297641899210590325805,
    0.123491976262065851077958109831074,
    0.134709217311473325928054001771707,
    0.142775938577060080797094273138717,
    0.147739104901338491374841515972068,
    0.149445554002916905664936468389821,
];

// The (7, 15) pair as dqk15i tabulates it: the Gauss weights interleaved
// with zeros at the Kronrod-only nodes.
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const WG7_INTERLEAVED: [f64; 8] = [
    0.0,
    0.129484966168869693270611432679082,
    0.0,
    0.279705391489276667901467771423780,
    0.0,
    0.381830050505118944950369775488975,
    0.0,
    0.417959183673469387755102040816327,
];
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const XGK15: [f64; 8] = [
    0.991455371120812639206854697526329,
    0.949107912342758524526189684047851,
    0.864864423359769072789712788640926,
    0.741531185599394439863864773280788,
    0.586087235467691130294144838258730,
    0.405845151377397166906606412076961,
    0.207784955007898467600689403773245,
    0.000000000000000000000000000000000,
];
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const WGK15: [f64; 8] = [
    0.022935322010529224963732008058970,
    0.063092092629978553290700663189204,
    0.104790010322250183839876322541518,
    0.140653259715525918745189590510238,
    0.169004726639267902826583426598550,
    0.190350578064785409913256402421014,
    0.204432940075298892414161999234649,
    0.209482141084727828012999174891714,
];

// dqk15w tabulates the same pair with 16 significant digits only; those
// shorter literals give (slightly) different doubles, which SciPy uses.
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const WG7_SHORT: [f64; 4] = [
    0.1294849661688697,
    0.2797053914892767,
    0.3818300505051189,
    0.4179591836734694,
];
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const XGK15_SHORT: [f64; 8] = [
    0.9914553711208126,
    0.9491079123427585,
    0.8648644233597691,
    0.7415311855993944,
    0.5860872354676911,
    0.4058451513773972,
    0.2077849550078985,
    0.0000000000000000,
];
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
const WGK15_SHORT: [f64; 8] = [
    0.2293532201052922e-01,
    0.6309209262997855e-01,
    0.1047900103222502,
    0.1406532597155259,
    0.1690047266392679,
    0.1903505780647854,
    0.2044329400752989,
    0.2094821410847278,
];

/// QUADPACK's error estimate from `|K - G| * hlgth`, `resabs` and `resasc`.
#[inline]
fn finish(resk: f64, resg: f64, hlgth: f64, resabs: f64, resasc: f64) -> Qk {
    let mut abserr = ((resk - resg) * hlgth).abs();
    if resasc != 0.0 && abserr != 0.0 {
        abserr = resasc * 1.0f64.min((200.0 * abserr / resasc).powf(1.5));
    }
    if resabs > UFLOW / (50.0 * EPMACH) {
        abserr = (EPMACH * 50.0 * resabs).max(abserr);
    }
    Qk {
        result: resk * hlgth,
        abserr,
        resabs,
        resasc,
    }
}

/// The 21-point Gauss–Kronrod rule on `(a, b)` (QUADPACK `dqk21`).
pub(crate) fn qk21<F: FnMut(f64) -> f64>(f: &mut F, a: f64, b: f64) -> Qk {
    let centr = 0.5 * (a + b);
    let hlgth = 0.5 * (b - a);
    let dhlgth = hlgth.abs();
    let mut fv1 = [0.0; 10];
    let mut fv2 = [0.0; 10];
    let fc = f(centr);
    let mut resg = 0.0;
    let mut resk = WGK21[10] * fc;
    let mut resabs = resk.abs();
    for j in 0..5 {
        let jtw = 2 * j + 1;
        let absc = hlgth * XGK21[jtw];
        let fval1 = f(centr - absc);
        let fval2 = f(centr + absc);
        fv1[jtw] = fval1;
        fv2[jtw] = fval2;
        let fsum = fval1 + fval2;
        resg += WG10[j] * fsum;
        resk += WGK21[jtw] * fsum;
        resabs += WGK21[jtw] * (fval1.abs() + fval2.abs());
    }
    for j in 0..5 {
        let jtwm1 = 2 * j;
        let absc = hlgth * XGK21[jtwm1];
        let fval1 = f(centr - absc);
        let fval2 = f(centr + absc);
        fv1[jtwm1] = fval1;
        fv2[jtwm1] = fval2;
        let fsum = fval1 + fval2;
        resk += WGK21[jtwm1] * fsum;
        resabs += WGK21[jtwm1] * (fval1.abs() + fval2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK21[10] * (fc - reskh).abs();
    for j in 0..10 {
        resasc += WGK21[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    finish(resk, resg, hlgth, resabs * dhlgth, resasc * dhlgth)
}

/// The 15-point rule on `(a, b)`, a part of `(0, 1)`, applied to the
/// integrand transformed by `x = bound + sgn (1 - t) / t` (QUADPACK
/// `dqk15i`). `inf` is 1 for `(bound, inf)`, -1 for `(-inf, bound)` and 2
/// for `(-inf, inf)` (then `f(x) + f(-x)` is integrated over `(0, inf)`).
pub(crate) fn qk15i<F: FnMut(f64) -> f64>(f: &mut F, boun: f64, inf: i32, a: f64, b: f64) -> Qk {
    let dinf = inf.min(1) as f64;
    let centr = 0.5 * (a + b);
    let hlgth = 0.5 * (b - a);
    let tabsc1 = boun + dinf * (1.0 - centr) / centr;
    let mut fval1 = f(tabsc1);
    if inf == 2 {
        fval1 += f(-tabsc1);
    }
    let fc = (fval1 / centr) / centr;
    let mut resg = fc * WG7_INTERLEAVED[7];
    let mut resk = fc * WGK15[7];
    let mut resabs = resk.abs();
    let mut fv1 = [0.0; 7];
    let mut fv2 = [0.0; 7];
    for j in 0..7 {
        let absc = hlgth * XGK15[j];
        let absc1 = centr - absc;
        let absc2 = centr + absc;
        let tabsc1 = boun + dinf * (1.0 - absc1) / absc1;
        let tabsc2 = boun + dinf * (1.0 - absc2) / absc2;
        let mut fval1 = f(tabsc1);
        let mut fval2 = f(tabsc2);
        if inf == 2 {
            fval1 += f(-tabsc1);
            fval2 += f(-tabsc2);
        }
        fval1 = (fval1 / absc1) / absc1;
        fval2 = (fval2 / absc2) / absc2;
        fv1[j] = fval1;
        fv2[j] = fval2;
        let fsum = fval1 + fval2;
        resg += WG7_INTERLEAVED[j] * fsum;
        resk += WGK15[j] * fsum;
        resabs += WGK15[j] * (fval1.abs() + fval2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK15[7] * (fc - reskh).abs();
    for j in 0..7 {
        resasc += WGK15[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    finish(resk, resg, hlgth, resabs * hlgth, resasc * hlgth)
}

/// The 15-point rule for `f(x) w(x)` on `(a, b)` (QUADPACK `dqk15w`).
pub(crate) fn qk15w<F: FnMut(f64) -> f64, W: Fn(f64) -> f64>(f: &mut F, w: W, a: f64, b: f64) -> Qk {
    let centr = 0.5 * (b + a);
    let hlgth = 0.5 * (b - a);
    let dhlgth = hlgth.abs();
    let fc = f(centr) * w(centr);
    let mut resg = WG7_SHORT[3] * fc;
    let mut resk = WGK15_SHORT[7] * fc;
    let mut resabs = resk.abs();
    let mut fv1 = [0.0; 7];
    let mut fv2 = [0.0; 7];
    for j in 0..3 {
        let jtw = 2 * j + 1;
        let absc = hlgth * XGK15_SHORT[jtw];
        let absc1 = centr - absc;
        let absc2 = centr + absc;
        let fval1 = f(absc1) * w(absc1);
        let fval2 = f(absc2) * w(absc2);
        fv1[jtw] = fval1;
        fv2[jtw] = fval2;
        let fsum = fval1 + fval2;
        resg += WG7_SHORT[j] * fsum;
        resk += WGK15_SHORT[jtw] * fsum;
        resabs += WGK15_SHORT[jtw] * (fval1.abs() + fval2.abs());
    }
    for j in 0..4 {
        let jtwm1 = 2 * j;
        let absc = hlgth * XGK15_SHORT[jtwm1];
        let absc1 = centr - absc;
        let absc2 = centr + absc;
        let fval1 = f(absc1) * w(absc1);
        let fval2 = f(absc2) * w(absc2);
        fv1[jtwm1] = fval1;
        fv2[jtwm1] = fval2;
        let fsum = fval1 + fval2;
        resk += WGK15_SHORT[jtwm1] * fsum;
        resabs += WGK15_SHORT[jtwm1] * (fval1.abs() + fval2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK15_SHORT[7] * (fc - reskh).abs();
    for j in 0..7 {
        resasc += WGK15_SHORT[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    finish(resk, resg, hlgth, resabs * dhlgth, resasc * dhlgth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qk21_is_exact_for_polynomials_of_degree_31() {
        // The Kronrod rule of 21 points integrates degree 3*10+1 exactly.
        let mut f = |x: f64| x.powi(30) + 3.0 * x.powi(7) - 1.0;
        let r = qk21(&mut f, -1.0, 2.0);
        let exact = (2f64.powi(31) + 1.0) / 31.0 + 3.0 * (2f64.powi(8) - 1.0) / 8.0 - 3.0;
        assert!((r.result - exact).abs() <= 1e-13 * exact.abs());
        assert!(r.resabs >= r.result.abs());
    }

    #[test]
    fn qk15i_maps_infinite_ranges() {
        // integral of 1/(1+x^2) over (0, inf) = pi/2 by the transformed rule on (0, 1).
        let mut f = |x: f64| 1.0 / (1.0 + x * x);
        let r = qk15i(&mut f, 0.0, 1, 0.0, 1.0);
        assert!((r.result - std::f64::consts::FRAC_PI_2).abs() < 1e-6);
        let r2 = qk15i(&mut f, 0.0, 2, 0.0, 1.0);
        assert!((r2.result - std::f64::consts::PI).abs() < 1e-6);
        let r3 = qk15i(&mut f, 0.0, -1, 0.0, 1.0);
        assert!((r3.result - std::f64::consts::FRAC_PI_2).abs() < 1e-6);
    }

    #[test]
    fn qk15w_applies_the_weight() {
        let mut f = |_x: f64| 1.0;
        let r = qk15w(&mut f, |x| x * x, 0.0, 3.0);
        assert!((r.result - 9.0).abs() < 1e-13);
    }
}
