//! Hypergeometric samplers: NumPy's Generator algorithms (`random_hypergeometric.c`:
//! direct selection for small samples, Stadlober's HRUA ratio-of-uniforms
//! otherwise) and the legacy RandomState ones (HYP and the older HRUA).

use super::discrete::loggam;
use super::integers::random_interval;
use crate::random::BitGenerator;

/// `log(k!)` for `k < 126`: correctly rounded doubles (NumPy's `logfact`
/// table in `logfactorial.c`, regenerated here with 60-digit decimal arithmetic).
#[allow(clippy::excessive_precision, clippy::approx_constant)]
static LOGFACT: [f64; 126] = [
    0.0,
    0.0,
    0.6931471805599453,
    1.791759469228055,
    3.1780538303479458,
    4.787491742782046,
    6.579251212010101,
    8.525161361065415,
    10.60460290274525,
    12.801827480081469,
    15.104412573075516,
    17.502307845873887,
    19.987214495661885,
    22.552163853123425,
    25.19122118273868,
    27.89927138384089,
    30.671860106080672,
    33.50507345013689,
    36.39544520803305,
    39.339884187199495,
    42.335616460753485,
    45.38013889847691,
    48.47118135183523,
    51.60667556776438,
    54.78472939811232,
    58.00360522298052,
    61.261701761002,
    64.55753862700634,
    67.88974313718154,
    71.25703896716801,
    74.65823634883016,
    78.0922235533153,
    81.55795945611504,
    85.05446701758152,
    88.58082754219768,
    92.1361756036871,
    95.7196945421432,
    99.33061245478743,
    102.96819861451381,
    106.63176026064346,
    110.32063971475739,
    114.0342117814617,
    117.77188139974507,
    121.53308151543864,
    125.3172711493569,
    129.12393363912722,
    132.95257503561632,
    136.80272263732635,
    140.67392364823425,
    144.5657439463449,
    148.47776695177302,
    152.40959258449735,
    156.3608363030788,
    160.3311282166309,
    164.32011226319517,
    168.32744544842765,
    172.3527971391628,
    176.39584840699735,
    180.45629141754378,
    184.53382886144948,
    188.6281734236716,
    192.7390472878449,
    196.86618167289,
    201.00931639928152,
    205.1681994826412,
    209.34258675253685,
    213.53224149456327,
    217.73693411395422,
    221.95644181913033,
    226.1905483237276,
    230.43904356577696,
    234.70172344281826,
    238.97838956183432,
    243.2688490029827,
    247.57291409618688,
    251.8904022097232,
    256.22113555000954,
    260.5649409718632,
    264.9216497985528,
    269.2910976510198,
    273.6731242856937,
    278.0675734403661,
    282.4742926876304,
    286.893133295427,
    291.3239500942703,
    295.76660135076065,
    300.22094864701415,
    304.6868567656687,
    309.1641935801469,
    313.65282994987905,
    318.1526396202093,
    322.66349912672615,
    327.1852877037752,
    331.7178871969285,
    336.26118197919845,
    340.815058870799,
    345.37940706226686,
    349.95411804077025,
    354.5390855194408,
    359.1342053695754,
    363.73937555556347,
    368.35449607240474,
    372.979468885689,
    377.61419787391867,
    382.25858877306,
    386.91254912321756,
    391.5759882173296,
    396.24881705179155,
    400.93094827891576,
    405.6222961611449,
    410.32277652693733,
    415.03230672824964,
    419.7508055995447,
    424.4781934182571,
    429.21439186665157,
    433.9593239950148,
    438.71291418612117,
    443.47508812091894,
    448.2457727453846,
    453.0248962384961,
    457.81238798127816,
    462.6081785268749,
    467.4121995716082,
    472.2243839269806,
    477.04466549258564,
    481.87297922988796,
];

/// NumPy's `logfactorial`: the table, then Stirling's series to the `1/k^3` term.
pub(crate) fn logfactorial(k: i64) -> f64 {
    const HALFLN2PI: f64 = 0.9189385332046728;
    if (k as u64) < LOGFACT.len() as u64 {
        return LOGFACT[k as usize];
    }
    let kf = k as f64;
    (kf + 0.5) * kf.ln() - kf + (HALFLN2PI + (1.0 / kf) * (1.0 / 12.0 - 1.0 / (360.0 * kf * kf)))
}

fn sample_direct<B: BitGenerator + ?Sized>(bg: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let total = good + bad;
    let computed = if sample > total / 2 {
        total - sample
    } else {
        sample
    };
    let mut computed_sample = computed;
    let mut remaining_total = total;
    let mut remaining_good = good;
    while computed_sample > 0 && remaining_good > 0 && remaining_total > remaining_good {
        remaining_total -= 1;
        if (random_interval(bg, remaining_total as u64) as i64) < remaining_good {
            remaining_good -= 1;
        }
        computed_sample -= 1;
    }
    if remaining_total == remaining_good {
        remaining_good -= computed_sample;
    }
    if sample > total / 2 {
        remaining_good
    } else {
        good - remaining_good
    }
}

const D1: f64 = 1.7155277699214135;
const D2: f64 = 0.8989161620588988;

fn hrua<B: BitGenerator + ?Sized>(bg: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let popsize = good + bad;
    let computed_sample = sample.min(popsize - sample);
    let mingoodbad = good.min(bad);
    let maxgoodbad = good.max(bad);
    let p = mingoodbad as f64 / popsize as f64;
    let q = maxgoodbad as f64 / popsize as f64;
    let mu = computed_sample as f64 * p;
    let a = mu + 0.5;
    let var = (popsize - computed_sample) as f64 * computed_sample as f64 * p * q / (popsize - 1) as f64;
    let c = (var + 0.5).sqrt();
    let h = D1 * c + D2;
    let m = ((computed_sample + 1) as f64 * (mingoodbad + 1) as f64 / (popsize + 2) as f64).floor() as i64;
    let g = logfactorial(m)
        + logfactorial(mingoodbad - m)
        + logfactorial(computed_sample - m)
        + logfactorial(maxgoodbad - computed_sample + m);
    let b = ((computed_sample.min(mingoodbad) + 1) as f64).min((a + 16.0 * c).floor());
    let mut k;
    loop {
        let u = bg.next_double();
        let v = bg.next_double();
        let x = a + h * (v - 0.5) / u;
        if x < 0.0 || x >= b {
            continue;
        }
        k = x.floor() as i64;
        let gp = logfactorial(k)
            + logfactorial(mingoodbad - k)
            + logfactorial(computed_sample - k)
            + logfactorial(maxgoodbad - computed_sample + k);
        let t = g - gp;
        if u * (4.0 - u) - 3.0 <= t {
            break;
        }
        if u * (u - t) >= 1.0 {
            continue;
        }
        if 2.0 * u.ln() <= t {
            break;
        }
    }
    if good > bad {
        k = computed_sample - k;
    }
    if computed_sample < sample {
        k = good - k;
    }
    k
}

/// NumPy's `random_hypergeometric` (Generator).
pub(crate) fn hypergeometric<B: BitGenerator + ?Sized>(bg: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    if sample >= 10 && sample <= good + bad - 10 {
        hrua(bg, good, bad, sample)
    } else {
        sample_direct(bg, good, bad, sample)
    }
}

fn legacy_hyp<B: BitGenerator + ?Sized>(bg: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let d1 = bad + good - sample;
    let d2 = bad.min(good) as f64;
    let mut y = d2;
    let mut k = sample;
    while y > 0.0 {
        let u = bg.next_double();
        y -= (u + y / (d1 + k) as f64).floor() as i64 as f64;
        k -= 1;
        if k == 0 {
            break;
        }
    }
    let mut z = (d2 - y) as i64;
    if good > bad {
        z = sample - z;
    }
    z
}

fn legacy_hrua<B: BitGenerator + ?Sized>(bg: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let mingoodbad = good.min(bad);
    let popsize = good + bad;
    let maxgoodbad = good.max(bad);
    let m = sample.min(popsize - sample);
    let d4 = mingoodbad as f64 / popsize as f64;
    let d5 = 1.0 - d4;
    let d6 = m as f64 * d4 + 0.5;
    let d7 = ((popsize - m) as f64 * sample as f64 * d4 * d5 / (popsize - 1) as f64 + 0.5).sqrt();
    let d8 = D1 * d7 + D2;
    let d9 = ((m + 1) as f64 * (mingoodbad + 1) as f64 / (popsize + 2) as f64).floor() as i64;
    let lg = |x: i64| loggam(x as f64);
    let d10 = lg(d9 + 1) + lg(mingoodbad - d9 + 1) + lg(m - d9 + 1) + lg(maxgoodbad - m + d9 + 1);
    let d11 = ((m.min(mingoodbad)) as f64 + 1.0).min((d6 + 16.0 * d7).floor());
    let mut z;
    loop {
        let x = bg.next_double();
        let y = bg.next_double();
        let w = d6 + d8 * (y - 0.5) / x;
        if w < 0.0 || w >= d11 {
            continue;
        }
        z = w.floor() as i64;
        let t = d10 - (lg(z + 1) + lg(mingoodbad - z + 1) + lg(m - z + 1) + lg(maxgoodbad - m + z + 1));
        if x * (4.0 - x) - 3.0 <= t {
            break;
        }
        if x * (x - t) >= 1.0 {
            continue;
        }
        if 2.0 * x.ln() <= t {
            break;
        }
    }
    if good > bad {
        z = m - z;
    }
    if m < sample {
        z = good - z;
    }
    z
}

/// NumPy's `legacy_random_hypergeometric` (RandomState).
pub(crate) fn hypergeometric_legacy<B: BitGenerator + ?Sized>(
    bg: &mut B,
    good: i64,
    bad: i64,
    sample: i64,
) -> i64 {
    if sample > 10 {
        legacy_hrua(bg, good, bad, sample)
    } else if sample > 0 {
        legacy_hyp(bg, good, bad, sample)
    } else {
        0
    }
}
