//! Event location for solve_ivp (SciPy's `prepare_events`,
//! `find_active_events`, `handle_events`, and the `brentq` root finder
//! SciPy calls with `xtol = rtol = 4 eps`).

use super::common::{DenseOutput, EPS, OdeScalar};

/// A boxed event function `g(t, y)`.
pub type EventFn<'a, T> = Box<dyn FnMut(f64, &[T]) -> f64 + 'a>;

/// An event function `g(t, y)` whose zeros solve_ivp locates (SciPy's
/// event callables with their `terminal` and `direction` attributes).
///
/// ```
/// use sciox::integrate::{solve_ivp, Event, IvpOptions};
/// // A ball thrown upwards: stop when it falls back to the ground.
/// let hit_ground = Event::new(|_t, y: &[f64]| y[0]).terminal(1).direction(-1.0);
/// let opts = IvpOptions { events: vec![hit_ground], ..Default::default() };
/// let r = solve_ivp(|_t, y: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = -9.81 },
///                   (0.0, 10.0), &[0.0, 10.0], opts).unwrap();
/// assert_eq!(r.status, 1);
/// let t_hit = r.t_events.unwrap()[0][[0]];
/// assert!((t_hit - 2.0 * 10.0 / 9.81).abs() < 1e-10);
/// ```
pub struct Event<'a, T = f64> {
    /// The event function.
    pub fun: EventFn<'a, T>,
    /// 0: not terminal; `k > 0`: the integration stops at the `k`-th
    /// occurrence (SciPy's `terminal = True` is 1).
    pub terminal: usize,
    /// Only zeros where `g` increases (`> 0`), decreases (`< 0`), or
    /// either (`0`, the default) trigger the event.
    pub direction: f64,
}

impl<'a, T> Event<'a, T> {
    /// A non-terminal event triggered in either direction.
    ///
    /// ```
    /// let e = sciox::integrate::Event::new(|t, _y: &[f64]| t - 1.0);
    /// assert_eq!((e.terminal, e.direction), (0, 0.0));
    /// ```
    pub fn new(fun: impl FnMut(f64, &[T]) -> f64 + 'a) -> Self {
        Event {
            fun: Box::new(fun),
            terminal: 0,
            direction: 0.0,
        }
    }

    /// Makes the event terminal after `count` occurrences (0: never).
    ///
    /// ```
    /// let e = sciox::integrate::Event::new(|t, _y: &[f64]| t - 1.0).terminal(2);
    /// assert_eq!(e.terminal, 2);
    /// ```
    pub fn terminal(mut self, count: usize) -> Self {
        self.terminal = count;
        self
    }

    /// Sets the direction of zero crossings that count.
    ///
    /// ```
    /// let e = sciox::integrate::Event::new(|t, _y: &[f64]| t - 1.0).direction(1.0);
    /// assert_eq!(e.direction, 1.0);
    /// ```
    pub fn direction(mut self, direction: f64) -> Self {
        self.direction = direction;
        self
    }
}

/// Indices of the events whose sign change between `g` and `g_new`
/// matches their direction (SciPy's `find_active_events`).
pub(crate) fn find_active_events(g: &[f64], g_new: &[f64], direction: &[f64]) -> Vec<usize> {
    (0..g.len())
        .filter(|&i| {
            let up = g[i] <= 0.0 && g_new[i] >= 0.0;
            let down = g[i] >= 0.0 && g_new[i] <= 0.0;
            (up && direction[i] > 0.0)
                || (down && direction[i] < 0.0)
                || ((up || down) && direction[i] == 0.0)
        })
        .collect()
}

/// SciPy's `brentq` (Charles Harris's C version) on `[xa, xb]`.
pub(crate) fn brentq(
    mut f: impl FnMut(f64) -> f64,
    xa: f64,
    xb: f64,
    xtol: f64,
    rtol: f64,
    iter: usize,
) -> crate::Result<f64> {
    let mut xpre = xa;
    let mut xcur = xb;
    let (mut xblk, mut fblk, mut spre, mut scur) = (0.0, 0.0, 0.0, 0.0);
    let mut fpre = f(xpre);
    let mut fcur = f(xcur);
    if fpre * fcur > 0.0 {
        return Err(crate::Error::invalid("f(a) and f(b) must have different signs"));
    }
    if fpre == 0.0 {
        return Ok(xpre);
    }
    if fcur == 0.0 {
        return Ok(xcur);
    }
    for _ in 0..iter {
        if fpre * fcur < 0.0 {
            xblk = xpre;
            fblk = fpre;
            scur = xcur - xpre;
            spre = scur;
        }
        if fblk.abs() < fcur.abs() {
            xpre = xcur;
            xcur = xblk;
            xblk = xpre;
            fpre = fcur;
            fcur = fblk;
            fblk = fpre;
        }
        let delta = (xtol + rtol * xcur.abs()) / 2.0;
        let sbis = (xblk - xcur) / 2.0;
        if fcur == 0.0 || sbis.abs() < delta {
            return Ok(xcur);
        }
        if spre.abs() > delta && fcur.abs() < fpre.abs() {
            let stry = if xpre == xblk {
                // interpolate
                -fcur * (xcur - xpre) / (fcur - fpre)
            } else {
                // extrapolate
                let dpre = (fpre - fcur) / (xpre - xcur);
                let dblk = (fblk - fcur) / (xblk - xcur);
                -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
            };
            if 2.0 * stry.abs() < spre.abs().min(3.0 * sbis.abs() - delta) {
                // good short step
                spre = scur;
                scur = stry;
            } else {
                spre = sbis;
                scur = sbis;
            }
        } else {
            spre = sbis;
            scur = sbis;
        }
        xpre = xcur;
        fpre = fcur;
        if scur.abs() > delta {
            xcur += scur;
        } else {
            xcur += if sbis > 0.0 { delta } else { -delta };
        }
        fcur = f(xcur);
    }
    Err(crate::Error::invalid(format!(
        "Failed to converge after {iter} iterations, value is {xcur}"
    )))
}

/// Locates the zeros of the active events inside the last step and decides
/// whether the integration terminates (SciPy's `handle_events`). Returns
/// the (event index, root) pairs in the order they are recorded, and
/// whether to stop.
pub(crate) fn handle_events<T: OdeScalar>(
    sol: &DenseOutput<T>,
    events: &mut [Event<'_, T>],
    active: &[usize],
    event_count: &[usize],
    max_events: &[usize],
    t_old: f64,
    t: f64,
) -> crate::Result<(Vec<(usize, f64)>, bool)> {
    let mut roots = Vec::with_capacity(active.len());
    for &e in active {
        let ev = &mut events[e];
        let root = brentq(
            |tt| {
                let y = sol.eval(tt);
                (ev.fun)(tt, &y)
            },
            t_old,
            t,
            4.0 * EPS,
            4.0 * EPS,
            100,
        )?;
        roots.push((e, root));
    }
    let reached = |e: usize| max_events[e] != 0 && event_count[e] >= max_events[e];
    if roots.iter().any(|&(e, _)| reached(e)) {
        if t > t_old {
            roots.sort_by(|a, b| a.1.total_cmp(&b.1));
        } else {
            roots.sort_by(|a, b| b.1.total_cmp(&a.1));
        }
        let first = roots.iter().position(|&(e, _)| reached(e)).expect("one reached");
        roots.truncate(first + 1);
        Ok((roots, true))
    } else {
        Ok((roots, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brentq_finds_roots() {
        let r = brentq(|x| x * x * x - 2.0 * x - 5.0, 2.0, 3.0, 2e-12, 4.0 * EPS, 100).unwrap();
        assert!((r - 2.0945514815423265).abs() < 1e-11);
        assert!(brentq(|x| x * x + 1.0, -1.0, 1.0, 1e-12, 1e-15, 100).is_err());
        assert_eq!(brentq(|x| x, 0.0, 1.0, 1e-12, 1e-15, 100).unwrap(), 0.0);
    }

    #[test]
    fn active_events_respect_direction() {
        let g = [-1.0, 1.0, -1.0, 0.5];
        let g_new = [1.0, -1.0, 1.0, 0.7];
        let dir = [1.0, 1.0, -1.0, 0.0];
        assert_eq!(find_active_events(&g, &g_new, &dir), vec![0]);
        assert_eq!(find_active_events(&g, &g_new, &[0.0; 4]), vec![0, 1, 2]);
    }
}
