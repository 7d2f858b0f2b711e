//! Constraints of `minimize` (SciPy's `_constraints.py`): the new-style
//! [`LinearConstraint`] and [`NonlinearConstraint`] and the old-style
//! `{'type': 'eq'|'ineq', 'fun': ..., 'jac': ...}` dictionaries, and their
//! conversion to the equality/inequality rows SLSQP works with
//! (`new_constraint_to_old`).

use super::finite_diff::{EPSILON, FdSpec, FiniteDiff, compute_absolute_step, fd_step};
use crate::{Error, Result};
use numox::Complex64;

/// A vector constraint function: writes the `m` constraint values at `x`
/// into the slice.
pub type ConFn<'a> = Box<dyn FnMut(&[f64], &mut [f64]) + 'a>;

/// A constraint Jacobian: writes the `m×n` Jacobian at `x`, row-major
/// (row `i` is the gradient of constraint `i`), into the slice.
pub type ConJacFn<'a> = Box<dyn FnMut(&[f64], &mut [f64]) + 'a>;

/// A vector constraint function in complex arithmetic (its complex form,
/// for complex-step Jacobians, SciPy's `'cs'`): writes the `m` values at
/// the complex point into the slice. It must be analytic (no `abs`, no
/// comparisons of the values) and agree with the real function on real
/// points.
pub type ConCsFn<'a> = Box<dyn FnMut(&[Complex64], &mut [Complex64]) + 'a>;

/// The unboxed complex form of a constraint.
type ConCsDyn<'a> = dyn FnMut(&[Complex64], &mut [Complex64]) + 'a;

/// The Hessian of `v · fun(x)` of a nonlinear constraint: writes the n×n
/// matrix at `(x, v)` (row-major) into the slice (SciPy's `hess(x, v)`;
/// used by trust-constr).
pub type ConHessFn<'a> = Box<dyn FnMut(&[f64], &[f64], &mut [f64]) + 'a>;

/// The linear constraint `lb <= A x <= ub` (SciPy's `LinearConstraint`);
/// `A` is `m×n` row-major with `m = lb.len()`. Infinite entries of `lb`
/// and `ub` mean no bound; `lb[i] == ub[i]` is an equality.
///
/// ```
/// use sciox::optimize::LinearConstraint;
/// let c = LinearConstraint::new(vec![1.0, 2.0, 3.0, 4.0], vec![0.0, 1.0], vec![f64::INFINITY, 1.0]);
/// assert_eq!(c.lb.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LinearConstraint {
    /// The `m×n` matrix, row-major.
    pub a: Vec<f64>,
    /// Lower bounds of `A x`.
    pub lb: Vec<f64>,
    /// Upper bounds of `A x`.
    pub ub: Vec<f64>,
}

impl LinearConstraint {
    /// `lb <= A x <= ub` with `A` row-major of `lb.len()` rows.
    ///
    /// ```
    /// use sciox::optimize::LinearConstraint;
    /// let c = LinearConstraint::new(vec![1.0, 1.0], vec![1.0], vec![1.0]);
    /// assert_eq!(c.a, vec![1.0, 1.0]);
    /// ```
    pub fn new(a: Vec<f64>, lb: Vec<f64>, ub: Vec<f64>) -> Self {
        LinearConstraint { a, lb, ub }
    }

    /// The box `lb <= x <= ub` of `bounds` as a constraint: `A` is the
    /// identity, so `A x` is `x` exactly. This is what SciPy's
    /// `differential_evolution` does with a `Bounds` object in
    /// `constraints` (its `_ConstraintWrapper` uses `fun(x) = x`), giving the
    /// same violations. (`keep_feasible` is not carried over; SciPy's wrapper
    /// ignores it too.)
    ///
    /// ```
    /// use sciox::optimize::{Bounds, LinearConstraint};
    /// let c = LinearConstraint::from_bounds(&Bounds::new(vec![0.0, -1.0], vec![1.0, f64::INFINITY]));
    /// assert_eq!(c.a, vec![1.0, 0.0, 0.0, 1.0]);
    /// assert_eq!((c.lb, c.ub), (vec![0.0, -1.0], vec![1.0, f64::INFINITY]));
    /// ```
    pub fn from_bounds(bounds: &super::Bounds) -> Self {
        let n = bounds.lb.len();
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            a[i * n + i] = 1.0;
        }
        LinearConstraint {
            a,
            lb: bounds.lb.clone(),
            ub: bounds.ub.clone(),
        }
    }
}

/// The nonlinear constraint `lb <= fun(x) <= ub` (SciPy's
/// `NonlinearConstraint`) with `m = lb.len()` components, and optionally
/// its Jacobian (otherwise estimated by finite differences, as SciPy does
/// for SLSQP).
///
/// ```
/// use sciox::optimize::NonlinearConstraint;
/// let c = NonlinearConstraint::new(|x: &[f64], out: &mut [f64]| out[0] = x[0] * x[0] + x[1] * x[1], vec![f64::NEG_INFINITY], vec![1.0]);
/// assert_eq!(c.ub, vec![1.0]);
/// ```
pub struct NonlinearConstraint<'a> {
    /// The constraint function.
    pub fun: ConFn<'a>,
    /// Its Jacobian, `None` for finite differences.
    pub jac: Option<ConJacFn<'a>>,
    /// Its complex form: with it (and no `jac`) the Jacobian is taken by
    /// complex steps in trust-constr, SciPy's `jac='cs'` (see
    /// [`with_cs`](Self::with_cs)).
    pub fun_complex: Option<ConCsFn<'a>>,
    /// SciPy's `finite_diff_rel_step` of the constraint: the relative step
    /// of its '2-point' or complex-step Jacobian in trust-constr (`None`:
    /// `sqrt(eps)`, SciPy's default). SLSQP ignores it, as SciPy's does.
    pub finite_diff_rel_step: Option<f64>,
    /// The Hessian of `v · fun(x)` (trust-constr); `None` for SciPy's
    /// default `BFGS()` approximation. Other methods ignore it.
    pub hess: Option<ConHessFn<'a>>,
    /// Lower bounds of `fun(x)`.
    pub lb: Vec<f64>,
    /// Upper bounds of `fun(x)`.
    pub ub: Vec<f64>,
}

impl<'a> NonlinearConstraint<'a> {
    /// `lb <= fun(x) <= ub` with finite-difference Jacobian.
    ///
    /// ```
    /// use sciox::optimize::NonlinearConstraint;
    /// let c = NonlinearConstraint::new(|x: &[f64], o: &mut [f64]| o[0] = x[0], vec![0.0], vec![1.0]);
    /// assert!(c.jac.is_none());
    /// ```
    pub fn new<F: FnMut(&[f64], &mut [f64]) + 'a>(fun: F, lb: Vec<f64>, ub: Vec<f64>) -> Self {
        NonlinearConstraint {
            fun: Box::new(fun),
            jac: None,
            fun_complex: None,
            finite_diff_rel_step: None,
            hess: None,
            lb,
            ub,
        }
    }

    /// The same constraint with its Jacobian by complex steps (SciPy's
    /// `NonlinearConstraint(fun, lb, ub, jac='cs')`): `fun_complex` is `fun`
    /// evaluated in complex arithmetic, and column `j` of the Jacobian is
    /// `Im fun(x + i h e_j) / h` with `h = sqrt(eps) sign(x_j) max(1, |x_j|)`
    /// (or [`finite_diff_rel_step`](Self::finite_diff_rel_step)), exact to
    /// rounding for analytic functions. trust-constr uses it whatever the
    /// objective's gradient is (each evaluation counts in `constr_nfev`, as
    /// SciPy's); SLSQP, as SciPy's, differentiates a constraint without a
    /// Jacobian closure the way the objective is (complex steps only with
    /// [`minimize_cs_constrained`](crate::optimize::minimize_cs_constrained)).
    /// A Jacobian closure given by [`with_jac`](Self::with_jac) takes
    /// precedence.
    ///
    /// ```
    /// use sciox::optimize::NonlinearConstraint;
    /// use numox::Complex64;
    /// let c = NonlinearConstraint::new(|x: &[f64], o: &mut [f64]| o[0] = x[0] * x[1], vec![1.0], vec![1.0])
    ///     .with_cs(|x: &[Complex64], o: &mut [Complex64]| o[0] = x[0] * x[1]);
    /// assert!(c.fun_complex.is_some() && c.jac.is_none());
    /// ```
    pub fn with_cs<C: FnMut(&[Complex64], &mut [Complex64]) + 'a>(mut self, fun_complex: C) -> Self {
        self.fun_complex = Some(Box::new(fun_complex));
        self
    }

    /// The same constraint with SciPy's `finite_diff_rel_step` (the relative
    /// step of its estimated Jacobian in trust-constr).
    ///
    /// ```
    /// use sciox::optimize::NonlinearConstraint;
    /// let c = NonlinearConstraint::new(|x: &[f64], o: &mut [f64]| o[0] = x[0], vec![0.0], vec![1.0])
    ///     .with_rel_step(1e-6);
    /// assert_eq!(c.finite_diff_rel_step, Some(1e-6));
    /// ```
    pub fn with_rel_step(mut self, rel_step: f64) -> Self {
        self.finite_diff_rel_step = Some(rel_step);
        self
    }

    /// The same constraint with its Jacobian (`m×n` row-major).
    ///
    /// ```
    /// use sciox::optimize::NonlinearConstraint;
    /// let c = NonlinearConstraint::new(|x: &[f64], o: &mut [f64]| o[0] = x[0], vec![0.0], vec![1.0])
    ///     .with_jac(|_x: &[f64], j: &mut [f64]| { j[0] = 1.0; j[1] = 0.0; });
    /// assert!(c.jac.is_some());
    /// ```
    pub fn with_jac<J: FnMut(&[f64], &mut [f64]) + 'a>(mut self, jac: J) -> Self {
        self.jac = Some(Box::new(jac));
        self
    }

    /// The same constraint with the Hessian of `v · fun(x)` (`hess(x, v,
    /// out)` writes n×n row-major), used by trust-constr.
    ///
    /// ```
    /// use sciox::optimize::NonlinearConstraint;
    /// let c = NonlinearConstraint::new(|x: &[f64], o: &mut [f64]| o[0] = x[0] * x[0], vec![0.0], vec![1.0])
    ///     .with_hess(|_x: &[f64], v: &[f64], h: &mut [f64]| h[0] = 2.0 * v[0]);
    /// assert!(c.hess.is_some());
    /// ```
    pub fn with_hess<H: FnMut(&[f64], &[f64], &mut [f64]) + 'a>(mut self, hess: H) -> Self {
        self.hess = Some(Box::new(hess));
        self
    }
}

/// The kind of an old-style constraint dictionary (`'type'`).
///
/// ```
/// use sciox::optimize::ConstraintType;
/// assert_ne!(ConstraintType::Eq, ConstraintType::Ineq);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstraintType {
    /// `fun(x) == 0`.
    Eq,
    /// `fun(x) >= 0`.
    Ineq,
}

/// One constraint of [`minimize_constrained`](crate::optimize::minimize_constrained):
/// SciPy's old-style dictionary (`Dict`) or a new-style object.
///
/// ```
/// use sciox::optimize::{Constraint, ConstraintType, LinearConstraint};
/// let c = Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], o: &mut [f64]| o[0] = 1.0 - x[0]);
/// assert_eq!(c.len(), 1);
/// let l = Constraint::Linear(LinearConstraint::new(vec![1.0, 1.0], vec![0.0], vec![1.0]));
/// assert_eq!(l.len(), 1);
/// ```
pub enum Constraint<'a> {
    /// `{'type': kind, 'fun': fun, 'jac': jac}` with `m` components.
    Dict {
        /// Equality or inequality.
        kind: ConstraintType,
        /// Number of components of `fun`.
        m: usize,
        /// The constraint function.
        fun: ConFn<'a>,
        /// Its Jacobian (`m×n` row-major); `None` for finite differences.
        jac: Option<ConJacFn<'a>>,
        /// Its complex form, for the complex-step Jacobian SLSQP takes of a
        /// dictionary without `jac` when the objective's gradient is by
        /// complex steps ([`minimize_cs_constrained`](crate::optimize::minimize_cs_constrained)).
        fun_complex: Option<ConCsFn<'a>>,
    },
    /// A [`LinearConstraint`].
    Linear(LinearConstraint),
    /// A [`NonlinearConstraint`].
    Nonlinear(NonlinearConstraint<'a>),
}

impl<'a> Constraint<'a> {
    /// An old-style constraint dictionary without Jacobian.
    ///
    /// ```
    /// use sciox::optimize::{Constraint, ConstraintType};
    /// let c = Constraint::dict(ConstraintType::Eq, 1, |x: &[f64], o: &mut [f64]| o[0] = x[0] + x[1] - 1.0);
    /// assert_eq!(c.len(), 1);
    /// ```
    pub fn dict<F: FnMut(&[f64], &mut [f64]) + 'a>(kind: ConstraintType, m: usize, fun: F) -> Self {
        Constraint::Dict {
            kind,
            m,
            fun: Box::new(fun),
            jac: None,
            fun_complex: None,
        }
    }

    /// An old-style constraint dictionary without Jacobian, with its complex
    /// form `fun_complex` (the same function in complex arithmetic): with
    /// [`minimize_cs_constrained`](crate::optimize::minimize_cs_constrained)
    /// and SLSQP its Jacobian is taken by complex steps, as SciPy's
    /// `minimize(method='SLSQP', jac='cs')` does for a dictionary without
    /// `'jac'`. (trust-constr turns a dictionary into a '2-point'
    /// `NonlinearConstraint`, as SciPy does, and does not use it.)
    ///
    /// ```
    /// use sciox::optimize::{Constraint, ConstraintType};
    /// use numox::Complex64;
    /// let c = Constraint::dict_cs(ConstraintType::Ineq, 1,
    ///     |x: &[f64], o: &mut [f64]| o[0] = 1.0 - x[0] * x[0],
    ///     |x: &[Complex64], o: &mut [Complex64]| o[0] = 1.0 - x[0] * x[0]);
    /// assert_eq!(c.len(), 1);
    /// ```
    pub fn dict_cs<F, C>(kind: ConstraintType, m: usize, fun: F, fun_complex: C) -> Self
    where
        F: FnMut(&[f64], &mut [f64]) + 'a,
        C: FnMut(&[Complex64], &mut [Complex64]) + 'a,
    {
        Constraint::Dict {
            kind,
            m,
            fun: Box::new(fun),
            jac: None,
            fun_complex: Some(Box::new(fun_complex)),
        }
    }

    /// An old-style constraint dictionary with Jacobian (`m×n` row-major).
    ///
    /// ```
    /// use sciox::optimize::{Constraint, ConstraintType};
    /// let c = Constraint::dict_with_jac(ConstraintType::Eq, 1,
    ///     |x: &[f64], o: &mut [f64]| o[0] = x[0] + x[1] - 1.0,
    ///     |_x: &[f64], j: &mut [f64]| j.copy_from_slice(&[1.0, 1.0]));
    /// assert_eq!(c.len(), 1);
    /// ```
    pub fn dict_with_jac<F, J>(kind: ConstraintType, m: usize, fun: F, jac: J) -> Self
    where
        F: FnMut(&[f64], &mut [f64]) + 'a,
        J: FnMut(&[f64], &mut [f64]) + 'a,
    {
        Constraint::Dict {
            kind,
            m,
            fun: Box::new(fun),
            jac: Some(Box::new(jac)),
            fun_complex: None,
        }
    }

    /// Number of components.
    ///
    /// ```
    /// use sciox::optimize::{Constraint, LinearConstraint};
    /// let c = Constraint::Linear(LinearConstraint::new(vec![1.0; 4], vec![0.0; 2], vec![1.0; 2]));
    /// assert_eq!(c.len(), 2);
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        match self {
            Constraint::Dict { m, .. } => *m,
            Constraint::Linear(l) => l.lb.len(),
            Constraint::Nonlinear(c) => c.lb.len(),
        }
    }

    /// The complex form of a constraint (dictionary or nonlinear), if given.
    pub(super) fn complex_form(&mut self) -> Option<&mut ConCsDyn<'a>> {
        match self {
            Constraint::Dict { fun_complex, .. } => fun_complex.as_deref_mut(),
            Constraint::Nonlinear(nl) => nl.fun_complex.as_deref_mut(),
            Constraint::Linear(_) => None,
        }
    }

    pub(super) fn eval(&mut self, x: &[f64], out: &mut [f64]) {
        match self {
            Constraint::Dict { fun, .. } => fun(x, out),
            Constraint::Nonlinear(c) => (c.fun)(x, out),
            Constraint::Linear(l) => {
                let n = x.len();
                for (i, o) in out.iter_mut().enumerate() {
                    let row = &l.a[i * n..(i + 1) * n];
                    *o = row.iter().zip(x).map(|(a, b)| a * b).sum();
                }
            }
        }
    }
}

/// How one old-style row is made from a component of the constraint.
#[derive(Clone, Copy, Debug)]
enum RowMap {
    /// `v`
    Same(usize),
    /// `v - lb`
    Below(usize, f64),
    /// `-(v - ub)`
    Above(usize, f64),
}

impl RowMap {
    #[inline]
    fn apply(self, v: &[f64]) -> f64 {
        match self {
            RowMap::Same(i) => v[i],
            RowMap::Below(i, lb) => v[i] - lb,
            RowMap::Above(i, ub) => -(v[i] - ub),
        }
    }
    #[inline]
    fn sign_row(self) -> (usize, f64) {
        match self {
            RowMap::Same(i) | RowMap::Below(i, _) => (i, 1.0),
            RowMap::Above(i, _) => (i, -1.0),
        }
    }
}

/// One old-style constraint dictionary made from constraint `src`.
struct Piece {
    src: usize,
    eq: bool,
    rows: Vec<RowMap>,
}

/// The constraints as SLSQP sees them: `meq` equality rows then the
/// inequality rows, with values `d` and normals `C`.
pub(crate) struct OldConstraints<'c, 'a> {
    cons: &'c mut [Constraint<'a>],
    pieces: Vec<Piece>,
    pub meq: usize,
    pub m: usize,
    n: usize,
    fd: FiniteDiff,
    eps: f64,
    rel_step: Option<f64>,
    lb: Vec<f64>,
    ub: Vec<f64>,
    vals: Vec<Vec<f64>>,
    vals1: Vec<f64>,
    jacbuf: Vec<f64>,
    xt: Vec<f64>,
    /// Constraints without a Jacobian closure are differentiated by complex
    /// steps of their complex forms (the objective's `jac='cs'`).
    cs: bool,
    /// Variables fixed by equal bounds removed (SciPy's
    /// `_Remove_From_Func`): the free indices and a full-length point.
    fixed: Option<(Vec<usize>, Vec<f64>)>,
}

/// `x` (free variables) written into the full point of `fixed`.
fn expand<'x>(fixed: &'x mut Option<(Vec<usize>, Vec<f64>)>, x: &'x [f64]) -> &'x [f64] {
    match fixed {
        Some((free, full)) => {
            for (k, &i) in free.iter().enumerate() {
                full[i] = x[k];
            }
            full
        }
        None => x,
    }
}

impl<'c, 'a> OldConstraints<'c, 'a> {
    /// Validates the shapes and converts as `standardize_constraints` +
    /// `new_constraint_to_old` (SciPy appends the inequality part of a
    /// new-style constraint with both kinds at the end of the list).
    pub fn new(
        cons: &'c mut [Constraint<'a>],
        n: usize,
        fd: FiniteDiff,
        eps: f64,
        rel_step: Option<f64>,
        lb: Vec<f64>,
        ub: Vec<f64>,
    ) -> Result<Self> {
        let mut first = Vec::new();
        let mut extra = Vec::new();
        for (k, c) in cons.iter().enumerate() {
            match c {
                Constraint::Dict { kind, m, .. } => {
                    first.push(Piece {
                        src: k,
                        eq: *kind == ConstraintType::Eq,
                        rows: (0..*m).map(RowMap::Same).collect(),
                    });
                }
                Constraint::Linear(LinearConstraint { lb, ub, .. })
                | Constraint::Nonlinear(NonlinearConstraint { lb, ub, .. }) => {
                    let (lb, ub) = (lb.clone(), ub.clone());
                    let m = lb.len();
                    if ub.len() != m {
                        return Err(Error::invalid(format!(
                            "Constraint {k}: `lb` and `ub` have different lengths ({m} and {}).",
                            ub.len()
                        )));
                    }
                    if let Some(al) = a_len(c)
                        && al != m * n
                    {
                        return Err(Error::invalid(format!(
                            "Constraint {k}: `A` has {al} entries, expected {m}x{n}."
                        )));
                    }
                    if lb.iter().zip(&ub).any(|(l, u)| l > u) {
                        return Err(Error::invalid(format!(
                            "Constraint {k}: an upper bound is less than the corresponding lower bound."
                        )));
                    }
                    let eqr: Vec<RowMap> = (0..m)
                        .filter(|&i| lb[i] == ub[i])
                        .map(|i| RowMap::Below(i, lb[i]))
                        .collect();
                    let mut ineq: Vec<RowMap> = (0..m)
                        .filter(|&i| (lb[i] != f64::NEG_INFINITY) ^ (lb[i] == ub[i]))
                        .map(|i| RowMap::Below(i, lb[i]))
                        .collect();
                    ineq.extend(
                        (0..m)
                            .filter(|&i| (ub[i] != f64::INFINITY) ^ (lb[i] == ub[i]))
                            .map(|i| RowMap::Above(i, ub[i])),
                    );
                    let mut ps = Vec::new();
                    if !eqr.is_empty() {
                        ps.push(Piece {
                            src: k,
                            eq: true,
                            rows: eqr,
                        });
                    }
                    if !ineq.is_empty() {
                        ps.push(Piece {
                            src: k,
                            eq: false,
                            rows: ineq,
                        });
                    }
                    let mut it = ps.into_iter();
                    if let Some(p) = it.next() {
                        first.push(p);
                    }
                    extra.extend(it);
                }
            }
        }
        first.extend(extra);
        // eq pieces first, then ineq, each in list order
        let mut pieces: Vec<Piece> = Vec::with_capacity(first.len());
        let (e, i): (Vec<Piece>, Vec<Piece>) = first.into_iter().partition(|p| p.eq);
        pieces.extend(e);
        pieces.extend(i);
        let meq = pieces.iter().filter(|p| p.eq).map(|p| p.rows.len()).sum();
        let m = pieces.iter().map(|p| p.rows.len()).sum();
        let vals = cons.iter().map(|c| vec![0.0; c.len()]).collect();
        let maxm = cons.iter().map(|c| c.len()).max().unwrap_or(0);
        Ok(OldConstraints {
            cons,
            pieces,
            meq,
            m,
            n,
            fd,
            eps,
            rel_step,
            lb,
            ub,
            vals,
            vals1: vec![0.0; maxm],
            jacbuf: vec![0.0; maxm * n],
            xt: vec![0.0; n],
            cs: false,
            fixed: None,
        })
    }

    /// Differentiates the constraints without a Jacobian closure by complex
    /// steps, as SciPy's SLSQP does when the objective's `jac` is `'cs'`
    /// (`approx_derivative(method='cs', rel_step=finite_diff_rel_step)`).
    ///
    /// Errors: such a constraint without its complex form.
    pub fn use_complex_step(&mut self) -> Result<()> {
        for p in &self.pieces {
            let c = &mut self.cons[p.src];
            let needs = match c {
                Constraint::Dict { jac, .. } => jac.is_none(),
                Constraint::Nonlinear(nl) => nl.jac.is_none(),
                Constraint::Linear(_) => false,
            };
            if needs && c.complex_form().is_none() {
                return Err(Error::invalid(format!(
                    "Constraint {}: with jac='cs' a constraint without a Jacobian is differentiated by \
                     complex steps and needs its complex form (`Constraint::dict_cs`, \
                     `NonlinearConstraint::with_cs`) or a Jacobian.",
                    p.src
                )));
            }
        }
        self.cs = true;
        Ok(())
    }

    /// Removes the variables not in `free` (fixed at their values in
    /// `full`, the clipped start): `x` of later calls has `free.len()` entries.
    pub fn remove_fixed(&mut self, free: Vec<usize>, full: Vec<f64>) {
        self.n = free.len();
        self.lb = free.iter().map(|&i| self.lb[i]).collect();
        self.ub = free.iter().map(|&i| self.ub[i]).collect();
        self.xt = vec![0.0; self.n];
        self.fixed = Some((free, full));
    }

    /// The largest violation of the constraints at `x` (full length; SciPy's
    /// `PreparedConstraint.violation`), 0 when all hold.
    pub fn max_violation(&mut self, x: &[f64]) -> f64 {
        let mut d = vec![0.0; self.m];
        self.values(x, &mut d);
        let meq = self.meq;
        d.iter()
            .enumerate()
            .map(|(j, &v)| if j < meq { v.abs() } else { (-v).max(0.0) })
            .fold(0.0, f64::max)
    }

    /// Whether some constraint has no Jacobian (finite differences).
    pub fn needs_fd(&self) -> bool {
        self.pieces.iter().any(|p| match &self.cons[p.src] {
            Constraint::Dict { jac, .. } => jac.is_none(),
            Constraint::Nonlinear(nl) => nl.jac.is_none(),
            Constraint::Linear(_) => false,
        })
    }

    /// The constraint values `d` (length `m`) at `x`.
    pub fn values(&mut self, x: &[f64], d: &mut [f64]) {
        let mut done = vec![false; self.cons.len()];
        let mut row = 0;
        for p in &self.pieces {
            if !done[p.src] {
                let xf = expand(&mut self.fixed, x);
                self.cons[p.src].eval(xf, &mut self.vals[p.src]);
                done[p.src] = true;
            }
            for r in &p.rows {
                d[row] = r.apply(&self.vals[p.src]);
                row += 1;
            }
        }
    }

    /// The normals `C` (`m×n`, column-major with leading dimension
    /// `max(m, 1)`) at `x`.
    pub fn normals(&mut self, x: &[f64], c: &mut [f64]) {
        let n = self.n;
        let lda = self.m.max(1);
        let mut row = 0;
        for pi in 0..self.pieces.len() {
            let src = self.pieces[pi].src;
            let mc = self.cons[src].len();
            let has_jac = match &self.cons[src] {
                Constraint::Dict { jac, .. } => jac.is_some(),
                Constraint::Nonlinear(nl) => nl.jac.is_some(),
                Constraint::Linear(_) => true,
            };
            if has_jac {
                let nf = self.fixed.as_ref().map_or(n, |f| f.1.len());
                let xf = expand(&mut self.fixed, x);
                let jb = &mut self.jacbuf[..mc * nf];
                match &mut self.cons[src] {
                    Constraint::Dict { jac: Some(j), .. } => j(xf, jb),
                    Constraint::Nonlinear(NonlinearConstraint { jac: Some(j), .. }) => j(xf, jb),
                    Constraint::Linear(l) => jb.copy_from_slice(&l.a),
                    _ => {}
                }
                for r in &self.pieces[pi].rows {
                    let (i, s) = r.sign_row();
                    for j in 0..n {
                        // SciPy stacks J[below] and -J[above] (free columns)
                        let jj = self.fixed.as_ref().map_or(j, |f| f.0[j]);
                        c[row + j * lda] = s * jb[i * nf + jj];
                    }
                    row += 1;
                }
            } else if self.cs {
                // complex steps of this piece (SciPy's approx_derivative with
                // method='cs' and rel_step; bounds are not consulted). A
                // row `v - lb` or `-(v - ub)` has imaginary part `Im v` or
                // `-Im v`. (SciPy 1.17 writes the inequality rows of a
                // new-style constraint into a real array, dropping the
                // imaginary parts with a ComplexWarning, so its Jacobian
                // rows are zero there; these are the rows of the same
                // constraint given as a dictionary.)
                let nf = self.fixed.as_ref().map_or(n, |f| f.1.len());
                let mut xc: Vec<Complex64> = expand(&mut self.fixed, x)
                    .iter()
                    .map(|&v| Complex64::new(v, 0.0))
                    .collect();
                let mut out = vec![Complex64::new(0.0, 0.0); mc];
                debug_assert_eq!(xc.len(), nf);
                for j in 0..n {
                    let jj = self.fixed.as_ref().map_or(j, |f| f.0[j]);
                    let h = compute_absolute_step(self.rel_step, EPSILON, x[j]);
                    xc[jj].im = h;
                    if let Some(fc) = self.cons[src].complex_form() {
                        fc(&xc, &mut out);
                    }
                    xc[jj].im = 0.0;
                    for (k, r) in self.pieces[pi].rows.iter().enumerate() {
                        let (i, s) = r.sign_row();
                        c[row + k + j * lda] = s * out[i].im / h;
                    }
                }
                row += self.pieces[pi].rows.len();
            } else {
                // 2-point differences of this piece (SciPy's
                // approx_derivative with abs_step=eps, or rel_step)
                let xf = expand(&mut self.fixed, x);
                self.cons[src].eval(xf, &mut self.vals[src]);
                self.xt.copy_from_slice(x);
                let spec = FdSpec {
                    mode: self.fd,
                    abs_step: self.eps,
                    rel_step: self.rel_step,
                    abs_explicit: None,
                };
                for j in 0..n {
                    let x0 = x[j];
                    let (h, _, _) = fd_step(&spec, x0, Some((self.lb[j], self.ub[j])));
                    self.xt[j] = x0 + h;
                    let dx = self.xt[j] - x0;
                    let v1 = &mut self.vals1[..mc];
                    let xf = expand(&mut self.fixed, &self.xt);
                    self.cons[src].eval(xf, v1);
                    for (k, r) in self.pieces[pi].rows.iter().enumerate() {
                        let f1 = r.apply(v1);
                        let f0 = r.apply(&self.vals[src]);
                        c[row + k + j * lda] = (f1 - f0) / dx;
                    }
                    self.xt[j] = x0;
                }
                row += self.pieces[pi].rows.len();
            }
        }
    }
}

fn a_len(c: &Constraint<'_>) -> Option<usize> {
    match c {
        Constraint::Linear(l) => Some(l.a.len()),
        _ => None,
    }
}
