//! Print options: NumPy's `set_printoptions`, `get_printoptions` and the
//! `printoptions` context manager.
//!
//! The options live in a process-wide setting ([`set_printoptions`]) with a
//! per-thread scoped override on top ([`with_printoptions`]); `Display`,
//! `Debug`, [`array_str`](super::array_str) and friends read the effective
//! options with [`get_printoptions`].

use std::cell::RefCell;
use std::sync::RwLock;

/// How many fractional digits floats get (NumPy's `floatmode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum FloatMode {
    /// `'fixed'`: always exactly `precision` fractional digits.
    Fixed,
    /// `'unique'`: the fewest digits that identify each value; `precision` is ignored.
    Unique,
    /// `'maxprec'` (NumPy's default): at most `precision` digits, fewer when
    /// an element needs fewer; elements may differ.
    #[default]
    MaxPrec,
    /// `'maxprec_equal'`: at most `precision` digits, the same number for
    /// every element.
    MaxPrecEqual,
}

impl FloatMode {
    /// NumPy's name of the mode (`"maxprec"`).
    ///
    /// ```
    /// assert_eq!(numox::FloatMode::MaxPrecEqual.name(), "maxprec_equal");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FloatMode::Fixed => "fixed",
            FloatMode::Unique => "unique",
            FloatMode::MaxPrec => "maxprec",
            FloatMode::MaxPrecEqual => "maxprec_equal",
        }
    }

    /// Looks a mode up by NumPy's name.
    ///
    /// ```
    /// assert_eq!(numox::FloatMode::from_name("fixed"), Some(numox::FloatMode::Fixed));
    /// assert_eq!(numox::FloatMode::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<FloatMode> {
        [
            FloatMode::Fixed,
            FloatMode::Unique,
            FloatMode::MaxPrec,
            FloatMode::MaxPrecEqual,
        ]
        .into_iter()
        .find(|m| m.name() == name)
    }
}

/// How the sign of positive numbers prints (NumPy's `sign`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Sign {
    /// `'-'` (default): no sign for positive values.
    #[default]
    Minus,
    /// `'+'`: always print the sign.
    Plus,
    /// `' '`: a space where a positive value's sign would be.
    Space,
}

impl Sign {
    /// NumPy's character for the mode.
    ///
    /// ```
    /// assert_eq!(numox::Sign::Space.as_char(), ' ');
    /// ```
    pub fn as_char(self) -> char {
        match self {
            Sign::Minus => '-',
            Sign::Plus => '+',
            Sign::Space => ' ',
        }
    }

    /// Looks a mode up by NumPy's character.
    ///
    /// ```
    /// assert_eq!(numox::Sign::from_char('+'), Some(numox::Sign::Plus));
    /// assert_eq!(numox::Sign::from_char('x'), None);
    /// ```
    pub fn from_char(c: char) -> Option<Sign> {
        match c {
            '-' => Some(Sign::Minus),
            '+' => Some(Sign::Plus),
            ' ' => Some(Sign::Space),
            _ => None,
        }
    }
}

/// NumPy's print options (`np.get_printoptions()`), without `legacy`,
/// `formatter` and `override_repr`.
///
/// `Default` gives NumPy 2.4's defaults; change fields with struct update
/// syntax:
///
/// ```
/// use numox::PrintOptions;
/// let o = PrintOptions { precision: 3, suppress: true, ..Default::default() };
/// assert_eq!(o.threshold, 1000);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PrintOptions {
    /// Digits after the point for floats (default 8).
    pub precision: usize,
    /// Arrays with more elements than this are summarised with `...` (default 1000).
    pub threshold: usize,
    /// Items shown at each end of a summarised axis (default 3).
    pub edgeitems: usize,
    /// Characters per line before wrapping (default 75).
    pub linewidth: usize,
    /// Never switch to scientific notation because of small values; values
    /// below the precision print as zero (default `false`).
    pub suppress: bool,
    /// Text of a NaN (default `"nan"`).
    pub nanstr: String,
    /// Text of an infinity (default `"inf"`).
    pub infstr: String,
    /// Sign of positive values (default [`Sign::Minus`]).
    pub sign: Sign,
    /// Interpretation of `precision` (default [`FloatMode::MaxPrec`]).
    pub floatmode: FloatMode,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            precision: 8,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 75,
            suppress: false,
            nanstr: "nan".to_string(),
            infstr: "inf".to_string(),
            sign: Sign::Minus,
            floatmode: FloatMode::MaxPrec,
        }
    }
}

/// The process-wide options; `None` means the defaults.
static GLOBAL: RwLock<Option<PrintOptions>> = RwLock::new(None);

thread_local! {
    /// Scoped overrides of this thread, innermost last.
    static SCOPED: RefCell<Vec<PrintOptions>> = const { RefCell::new(Vec::new()) };
}

/// Sets the process-wide print options (NumPy's `np.set_printoptions`).
///
/// A [`with_printoptions`] scope active on the calling thread keeps
/// precedence until it ends. Pass `PrintOptions::default()` to restore
/// NumPy's defaults.
///
/// ```
/// use numox::{array, get_printoptions, set_printoptions, PrintOptions};
/// let old = get_printoptions();
/// set_printoptions(PrintOptions { precision: 2, ..old.clone() });
/// assert_eq!(format!("{}", array![1.0 / 3.0, 2.0]), "[0.33 2.  ]");
/// set_printoptions(old);
/// ```
pub fn set_printoptions(options: PrintOptions) {
    let mut g = GLOBAL.write().unwrap_or_else(|e| e.into_inner());
    *g = Some(options);
}

/// The print options in effect on this thread (NumPy's `np.get_printoptions`):
/// the innermost [`with_printoptions`] scope, else the process-wide options.
///
/// ```
/// let o = numox::get_printoptions();
/// assert!(o.linewidth > 0);
/// ```
pub fn get_printoptions() -> PrintOptions {
    if let Some(o) = SCOPED.with(|s| s.borrow().last().cloned()) {
        return o;
    }
    GLOBAL
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .unwrap_or_default()
}

/// Restores the scope stack when a [`with_printoptions`] scope ends, also
/// when it ends by a panic.
struct ScopeGuard;

impl Drop for ScopeGuard {
    fn drop(&mut self) {
        SCOPED.with(|s| {
            s.borrow_mut().pop();
        });
    }
}

/// Runs `f` with `options` in effect on this thread, then restores the
/// previous options, also if `f` panics (NumPy's `with np.printoptions(...)`).
///
/// Scopes nest; other threads are not affected.
///
/// ```
/// use numox::{array, with_printoptions, PrintOptions};
/// let a = array![0.000_001, 1.5];
/// let s = with_printoptions(PrintOptions { suppress: true, ..Default::default() }, || a.to_string());
/// assert_eq!(s, "[0.000001 1.5     ]");
/// assert_eq!(a.to_string(), "[1.0e-06 1.5e+00]");
/// ```
pub fn with_printoptions<R>(options: PrintOptions, f: impl FnOnce() -> R) -> R {
    SCOPED.with(|s| s.borrow_mut().push(options));
    let _guard = ScopeGuard;
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_options_nest_and_survive_panics() {
        let base = get_printoptions();
        let r = with_printoptions(
            PrintOptions {
                precision: 3,
                ..Default::default()
            },
            || {
                assert_eq!(get_printoptions().precision, 3);
                with_printoptions(
                    PrintOptions {
                        precision: 5,
                        ..Default::default()
                    },
                    || assert_eq!(get_printoptions().precision, 5),
                );
                assert_eq!(get_printoptions().precision, 3);
                7
            },
        );
        assert_eq!(r, 7);
        let caught = std::panic::catch_unwind(|| {
            with_printoptions(
                PrintOptions {
                    precision: 1,
                    ..Default::default()
                },
                || panic!("boom"),
            )
        });
        assert!(caught.is_err());
        assert_eq!(get_printoptions(), base);
    }

    #[test]
    fn names_round_trip() {
        for m in [
            FloatMode::Fixed,
            FloatMode::Unique,
            FloatMode::MaxPrec,
            FloatMode::MaxPrecEqual,
        ] {
            assert_eq!(FloatMode::from_name(m.name()), Some(m));
        }
        for s in [Sign::Minus, Sign::Plus, Sign::Space] {
            assert_eq!(Sign::from_char(s.as_char()), Some(s));
        }
    }
}
