//! numox.random's legacy RandomState against NumPy 2.4.6
//! (tools/refgen/gen_random_legacy.py).
//!
//! Every case is one RandomState method on `RandomState(seed)` (3 seeds, each
//! parameter regime that takes its own code path: gamma shape <1/=1/>1, Poisson
//! below and above 10, binomial by inversion and by BTPE, beta by Johnk and by
//! gammas, every randint dtype). Draws are compared exactly (1000 per case
//! unless the size says otherwise), then the MT19937 position, the Gaussian
//! cache and the next raw word are compared, so the state was consumed as
//! NumPy consumes it. Cases NumPy rejected must return `Err` and leave the
//! state untouched.

use crate::common;

use common::{Case, assert_same_dyn, load_cases, param_f64, param_usize};
use numox::random::{BitGenerator, FloatParam, RandomInt, RandomState, Size};
use numox::{Array, DynArray, Result};
use serde_json::Value;

fn size_of(case: &Case) -> Size {
    match case.param("size") {
        None | Some(Value::Null) => Size::from(()),
        Some(Value::Array(xs)) => Size::from(xs.iter().map(param_usize).collect::<Vec<_>>()),
        Some(v) => Size::from(param_usize(v)),
    }
}

fn fparam<'a>(case: &'a Case, name: &str, arrays: &'a [Array<f64>]) -> FloatParam<'a> {
    let v = case
        .param(name)
        .unwrap_or_else(|| panic!("{}: missing {name}", case.ctx()));
    if let Value::String(s) = v {
        if let Some(k) = s.strip_prefix("in").and_then(|k| k.parse::<usize>().ok()) {
            return FloatParam::from(&arrays[k]);
        }
    }
    FloatParam::Scalar(param_f64(v))
}

fn iparam(v: &Value) -> i128 {
    v.as_i64()
        .map(i128::from)
        .or_else(|| v.as_u64().map(i128::from))
        .unwrap_or_else(|| v.as_f64().expect("integer bound") as i128)
}

fn ints<T: RandomInt>(rs: &mut RandomState, case: &Case) -> Result<DynArray> {
    let lo = iparam(case.param("low").unwrap());
    let hi = iparam(case.param("high").unwrap());
    rs.randint::<T>(lo, hi, size_of(case)).map(DynArray::from)
}

fn call(rs: &mut RandomState, case: &Case) -> Result<DynArray> {
    let arrays: Vec<Array<f64>> = case.inputs.iter().map(|a| a.astype::<f64>()).collect();
    let size = size_of(case);
    let fp = |n: &str| fparam(case, n, &arrays);
    Ok(match case.str_param("method") {
        "random_sample" => rs.random_sample(size).into(),
        "randn" => rs.randn(&[case.i64_param("size") as usize]).into(),
        "standard_normal" => rs.standard_normal(size).into(),
        "randint" => match case.str_param("dtype") {
            "int64" => ints::<i64>(rs, case)?,
            "int32" => ints::<i32>(rs, case)?,
            "uint32" => ints::<u32>(rs, case)?,
            "int16" => ints::<i16>(rs, case)?,
            "uint8" => ints::<u8>(rs, case)?,
            "int8" => ints::<i8>(rs, case)?,
            "bool" => ints::<bool>(rs, case)?,
            other => panic!("dtype {other}"),
        },
        "random_integers" => rs
            .random_integers(case.i64_param("low"), case.i64_param("high"), size)?
            .into(),
        "choice" => {
            let p = case.param("p").map(|_| arrays[0].to_vec());
            rs.choice(
                case.i64_param("a") as usize,
                size,
                case.bool_param("replace"),
                p.as_deref(),
            )?
            .into()
        }
        "shuffle" => {
            let mut x = case.input::<i64>(0);
            rs.shuffle(&mut x);
            x.into()
        }
        "permutation" => rs.permutation(case.i64_param("size") as usize).into(),
        "uniform" => rs.uniform(fp("low"), fp("high"), size)?.into(),
        "normal" => rs.normal(fp("loc"), fp("scale"), size)?.into(),
        "standard_exponential" => rs.standard_exponential(size).into(),
        "exponential" => rs.exponential(fp("scale"), size)?.into(),
        "standard_gamma" => rs.standard_gamma(fp("shape"), size)?.into(),
        "gamma" => rs.gamma(fp("shape"), fp("scale"), size)?.into(),
        "beta" => rs.beta(fp("a"), fp("b"), size)?.into(),
        "poisson" => rs.poisson(fp("lam"), size)?.into(),
        "binomial" => rs.binomial(case.i64_param("n"), fp("p"), size)?.into(),
        "binomial_array" => rs.binomial_array(&case.input::<i64>(0), fp("p"), size)?.into(),
        "chisquare" => rs.chisquare(fp("a"), size)?.into(),
        "noncentral_chisquare" => rs.noncentral_chisquare(fp("a"), fp("b"), size)?.into(),
        "f" => rs.f(fp("a"), fp("b"), size)?.into(),
        "noncentral_f" => rs.noncentral_f(fp("a"), fp("b"), fp("nonc"), size)?.into(),
        "laplace" => rs.laplace(fp("a"), fp("b"), size)?.into(),
        "gumbel" => rs.gumbel(fp("a"), fp("b"), size)?.into(),
        "logistic" => rs.logistic(fp("a"), fp("b"), size)?.into(),
        "lognormal" => rs.lognormal(fp("a"), fp("b"), size)?.into(),
        "wald" => rs.wald(fp("a"), fp("b"), size)?.into(),
        "vonmises" => rs.vonmises(fp("a"), fp("b"), size)?.into(),
        "negative_binomial" => rs.negative_binomial(fp("a"), fp("b"), size)?.into(),
        "standard_t" => rs.standard_t(fp("a"), size)?.into(),
        "pareto" => rs.pareto(fp("a"), size)?.into(),
        "weibull" => rs.weibull(fp("a"), size)?.into(),
        "power" => rs.power(fp("a"), size)?.into(),
        "rayleigh" => rs.rayleigh(fp("a"), size)?.into(),
        "geometric" => rs.geometric(fp("a"), size)?.into(),
        "zipf" => rs.zipf(fp("a"), size)?.into(),
        "logseries" => rs.logseries(fp("a"), size)?.into(),
        "standard_cauchy" => rs.standard_cauchy(size).into(),
        "triangular" => rs.triangular(fp("left"), fp("mode"), fp("right"), size)?.into(),
        "multinomial" => rs
            .multinomial(case.i64_param("n"), &arrays[0].to_vec(), size)?
            .into(),
        "dirichlet" => rs.dirichlet(&arrays[0].to_vec(), size)?.into(),
        "bytes" => Array::from_vec(rs.bytes(case.i64_param("size") as usize)).into(),
        "tomaxint" => rs.tomaxint(size).into(),
        "hypergeometric" => rs
            .hypergeometric(
                case.i64_param("good"),
                case.i64_param("bad"),
                case.i64_param("nsample"),
                size,
            )?
            .into(),
        "randint_array" => {
            let (lo, hi) = (case.input::<i64>(0), case.input::<i64>(1));
            match case.str_param("dtype") {
                "int64" => rs.randint_array::<i64, _, _>(&lo, &hi, size)?.into(),
                "uint8" => rs.randint_array::<u8, _, _>(&lo, &hi, size)?.into(),
                other => panic!("dtype {other}"),
            }
        }
        "choice_from" => rs
            .choice_from(&case.input::<i64>(0), size, case.bool_param("replace"), None)?
            .into(),
        "mvn" => rs
            .multivariate_normal(
                &arrays[0].to_vec(),
                &arrays[1],
                size,
                case.str_param("check_valid"),
                case.f64_param("tol"),
            )?
            .into(),
        other => panic!("{}: unknown method {other}", case.ctx()),
    })
}

/// `multivariate_normal` values: same draws, the factor from our port of
/// LAPACK's dgesdd steps, so singular-vector signs match and values differ
/// by rounding only (NumPy's SVD and product run through OpenBLAS). Vector
/// rounding scales like eps / (singular-value gap): below 1e-10 for these
/// matrices (atol = rtol = 1e-10; 1e-12 for diagonal ones, computed exactly);
/// singular covariances use 1e-6, as their zero singular values come out as
/// ~1e-16 and enter through sqrt(s) ~ 1e-8 with arbitrary vectors. A wrong
/// sign would be off by O(1).
fn assert_mvn(got: &DynArray, case: &Case) {
    let (g, w) = (
        got.as_typed::<f64>().unwrap(),
        case.outputs[0].as_typed::<f64>().unwrap(),
    );
    let atol = case.f64_param("atol");
    common::assert_close(&g, &w, atol, atol, case.ctx());
}

#[test]
fn random_state_matches_numpy() {
    let cases = load_cases("random_legacy");
    for case in &cases {
        assert_eq!(case.op, "legacy");
        let seed = case.param("seed").and_then(Value::as_u64).expect("seed") as u32;
        let mut rs = RandomState::new(seed);
        let fresh = rs.clone();
        let got = call(&mut rs, case);
        if case.error.is_some() {
            common::assert_err(&got, case);
            assert!(rs == fresh, "{}: an invalid call consumed draws", case.ctx());
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{}: numox returned Err({e})", case.ctx()));
        if case.str_param("method") == "mvn" {
            assert_mvn(&got, case);
        } else {
            assert_same_dyn(&got, &case.outputs[0], case.ctx());
        }
        let st = rs.get_state();
        let raw = rs.bit_generator_mut().next_raw();
        let after = vec![st.mt.pos as u64, st.has_gauss as u64, raw];
        assert_eq!(
            after,
            case.output::<u64>(1).to_vec(),
            "{}: state after the draws",
            case.ctx()
        );
        assert_eq!(
            st.cached_gaussian.to_bits(),
            case.output::<f64>(2).to_vec()[0].to_bits(),
            "{}: cached Gaussian",
            case.ctx()
        );
    }
    assert_eq!(cases.len(), 544, "every recorded case checked");
}

/// `numpy.random.multivariate_normal` on the global state: `seed(s)` then the
/// module-level function gives what `RandomState(s).multivariate_normal`
/// gives, and leaves the global state where NumPy leaves it.
#[test]
fn global_multivariate_normal_matches_numpy() {
    let _global = common::GLOBAL_RANDOM
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let cases = load_cases("random_legacy");
    let mut checked = 0;
    for case in cases.iter().filter(|c| c.str_param("method") == "mvn") {
        let seed = case.param("seed").and_then(Value::as_u64).expect("seed") as u32;
        numox::random::seed(seed);
        let arrays: Vec<Array<f64>> = case.inputs.iter().map(|a| a.astype::<f64>()).collect();
        let got = numox::random::multivariate_normal(
            &arrays[0].to_vec(),
            &arrays[1],
            size_of(case),
            case.str_param("check_valid"),
            case.f64_param("tol"),
        );
        if case.error.is_some() {
            common::assert_err(&got, case);
            continue;
        }
        let got = DynArray::from(got.unwrap_or_else(|e| panic!("{}: Err({e})", case.ctx())));
        assert_mvn(&got, case);
        let st = numox::random::get_state();
        assert_eq!(
            [st.mt.pos as u64, st.has_gauss as u64],
            case.output::<u64>(1).to_vec()[..2],
            "{}: global state after the draws",
            case.ctx()
        );
        checked += 1;
    }
    assert_eq!(checked, 54, "every successful mvn case checked");
}
