//! NumPy's warnings (`warnings.warn(..., RuntimeWarning)`), for the places
//! where NumPy warns and goes on rather than raising.
//!
//! A warning does not change a function's result. By default it is printed
//! to standard error once per distinct message, as Python's default filter
//! shows a warning once per place; [`record`] collects the warnings that a
//! closure raises on the current thread instead (Python's
//! `warnings.catch_warnings(record=True)`), and [`set_filter`] silences
//! them or prints every one.
//!
//! ```
//! use numox::warnings::{self, Category};
//! let ((), seen) = warnings::record(|| warnings::warn(Category::Runtime, "something odd"));
//! assert_eq!(seen.len(), 1);
//! assert_eq!(seen[0].to_string(), "RuntimeWarning: something odd");
//! ```

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};

/// The Python warning class a warning stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// `RuntimeWarning`: dubious numerical input or results.
    Runtime,
    /// `UserWarning`: the default class of `warnings.warn`.
    User,
    /// `DeprecationWarning`.
    Deprecation,
}

impl Category {
    /// Python's name of the class.
    ///
    /// ```
    /// assert_eq!(numox::warnings::Category::Runtime.name(), "RuntimeWarning");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Category::Runtime => "RuntimeWarning",
            Category::User => "UserWarning",
            Category::Deprecation => "DeprecationWarning",
        }
    }
}

/// One warning: its class and NumPy's message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Warning {
    /// The Python class.
    pub category: Category,
    /// The message, as NumPy words it.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.category.name(), self.message)
    }
}

/// What happens to warnings that no [`record`] collects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Print each distinct warning to standard error once (the default).
    Once,
    /// Print every warning.
    Always,
    /// Print nothing.
    Ignore,
}

static FILTER: AtomicU8 = AtomicU8::new(0);
static SHOWN: Mutex<Option<HashSet<Warning>>> = Mutex::new(None);

thread_local! {
    /// The open [`record`] scopes of this thread, innermost last.
    static RECORDERS: RefCell<Vec<Vec<Warning>>> = const { RefCell::new(Vec::new()) };
}

/// Sets what happens to warnings that no [`record`] collects, for the
/// whole process.
///
/// ```
/// use numox::warnings::{self, Filter};
/// warnings::set_filter(Filter::Ignore);
/// assert_eq!(warnings::filter(), Filter::Ignore);
/// warnings::set_filter(Filter::Once);
/// ```
pub fn set_filter(filter: Filter) {
    let code = match filter {
        Filter::Once => 0,
        Filter::Always => 1,
        Filter::Ignore => 2,
    };
    FILTER.store(code, Ordering::Relaxed);
}

/// The current [`Filter`].
///
/// ```
/// assert_eq!(numox::warnings::filter(), numox::warnings::Filter::Once);
/// ```
pub fn filter() -> Filter {
    match FILTER.load(Ordering::Relaxed) {
        1 => Filter::Always,
        2 => Filter::Ignore,
        _ => Filter::Once,
    }
}

/// Raises a warning: the innermost [`record`] of this thread collects it;
/// without one, the [`Filter`] decides whether it is printed.
///
/// ```
/// use numox::warnings::{self, Category};
/// let (_, seen) = warnings::record(|| warnings::warn(Category::User, "careful"));
/// assert_eq!(seen[0].message, "careful");
/// ```
pub fn warn(category: Category, message: impl Into<String>) {
    let w = Warning {
        category,
        message: message.into(),
    };
    let unrecorded = RECORDERS.with(|r| match r.borrow_mut().last_mut() {
        Some(scope) => {
            scope.push(w.clone());
            false
        }
        None => true,
    });
    if !unrecorded {
        return;
    }
    let print = match filter() {
        Filter::Ignore => false,
        Filter::Always => true,
        Filter::Once => {
            let mut shown = SHOWN.lock().unwrap_or_else(|e| e.into_inner());
            shown.get_or_insert_with(HashSet::new).insert(w.clone())
        }
    };
    if print {
        eprintln!("{w}");
    }
}

/// Runs `f` and returns its result with the warnings it raised on this
/// thread, in order (none of them is printed). Scopes nest: an inner one
/// takes the warnings raised inside it.
///
/// ```
/// use numox::warnings::{self, Category};
/// let (v, outer) = warnings::record(|| {
///     warnings::warn(Category::Runtime, "a");
///     let (_, inner) = warnings::record(|| warnings::warn(Category::Runtime, "b"));
///     assert_eq!(inner.len(), 1);
///     7
/// });
/// assert_eq!((v, outer.len()), (7, 1));
/// ```
pub fn record<R>(f: impl FnOnce() -> R) -> (R, Vec<Warning>) {
    /// Closes the scope even if `f` panics.
    struct Scope;
    impl Drop for Scope {
        fn drop(&mut self) {
            RECORDERS.with(|r| {
                r.borrow_mut().pop();
            });
        }
    }
    RECORDERS.with(|r| r.borrow_mut().push(Vec::new()));
    let scope = Scope;
    let out = f();
    let seen = RECORDERS.with(|r| r.borrow_mut().last_mut().map(std::mem::take).unwrap_or_default());
    drop(scope);
    (out, seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_nest_and_close_after_a_panic() {
        let (_, seen) = record(|| {
            let r = std::panic::catch_unwind(|| {
                record(|| {
                    warn(Category::Runtime, "inner");
                    panic!("boom");
                })
            });
            assert!(r.is_err());
            // the inner scope is closed: this one reaches the outer scope
            warn(Category::Deprecation, "outer");
        });
        assert_eq!(
            seen,
            vec![Warning {
                category: Category::Deprecation,
                message: "outer".into()
            }]
        );
        RECORDERS.with(|r| assert!(r.borrow().is_empty()));
    }

    #[test]
    fn unrecorded_warnings_are_remembered_once() {
        warn(Category::User, "printed once by the default filter");
        warn(Category::User, "printed once by the default filter");
        let shown = SHOWN.lock().unwrap();
        let w = Warning {
            category: Category::User,
            message: "printed once by the default filter".into(),
        };
        assert!(shown.as_ref().is_some_and(|s| s.contains(&w)));
    }
}
