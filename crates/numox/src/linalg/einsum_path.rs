//! NumPy's `einsum_path`: the order in which an Einstein summation
//! contracts its operands, with NumPy's cost model and printed report.
//!
//! The path algorithms are NumPy's (`numpy/_core/einsumfunc.py`):
//! `'greedy'` contracts, at each step, the pair that removes the most
//! elements (then the cheapest), considering outer products only when no
//! pair shares an index; `'optimal'` tries every order. Both discard
//! intermediates larger than the memory limit (by default the largest
//! input or output). Index sets are bit masks over NumPy's 52 symbols
//! `A-Z a-z`; ties are broken in NumPy's order, so the paths, the FLOP
//! counts and the report are NumPy's.

use crate::error::{Error, Result};
use crate::manip::AsArrayView;

/// NumPy's einsum symbols in its (ASCII) order.
const SYMBOLS: &[u8; 52] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A set of einsum indices: bit `i` is `SYMBOLS[i]`.
type IndexSet = u64;

/// How [`einsum_path`] chooses the contraction order (NumPy's `optimize=`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EinsumOptimize {
    /// `optimize=False`: one contraction of every operand at once.
    NoOptimize,
    /// `optimize='greedy'` (NumPy's default for `einsum_path`).
    Greedy,
    /// `optimize='optimal'`: every order is tried (factorial in the
    /// number of operands).
    Optimal,
    /// `optimize=('greedy', memory_limit)`: intermediates of more than
    /// `memory_limit` elements are not formed.
    GreedyLimited(u128),
    /// `optimize=('optimal', memory_limit)`.
    OptimalLimited(u128),
    /// `optimize=['einsum_path', (0, 1), ...]`: an explicit path, each step
    /// the positions (in the current operand list) of the operands it
    /// contracts; the result is appended to the end of the list.
    Explicit(Vec<Vec<usize>>),
}

/// One step of a contraction path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EinsumContraction {
    /// Positions of the contracted operands, in decreasing order (as NumPy
    /// lists them).
    pub positions: Vec<usize>,
    /// The step as einsum subscripts, e.g. `"jk,ij->ik"`.
    pub subscripts: String,
    /// The operand subscripts remaining after this step.
    pub remaining: Vec<String>,
    /// The number of distinct indices in the step (its scaling).
    pub scaling: usize,
    /// NumPy's FLOP estimate of the step.
    pub flops: u128,
    /// Elements of the step's result.
    pub result_size: u128,
}

/// The result of [`einsum_path`]: NumPy's `(path, string_repr)` pair and
/// the figures of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct EinsumPath {
    /// The path without NumPy's leading `'einsum_path'` tag: each step the
    /// positions of the operands it contracts.
    pub path: Vec<Vec<usize>>,
    /// The steps in detail.
    pub contractions: Vec<EinsumContraction>,
    /// The complete contraction with ellipses expanded, e.g. `"ij,jk,kl->il"`.
    pub complete: String,
    /// Number of distinct indices (the naive scaling).
    pub naive_scaling: usize,
    /// Largest number of distinct indices of a step.
    pub optimized_scaling: usize,
    /// NumPy's FLOP estimate of the single-step contraction.
    pub naive_flops: u128,
    /// Sum of the steps' FLOP estimates plus one (as NumPy counts).
    pub optimized_flops: u128,
    /// `naive_flops / optimized_flops`.
    pub speedup: f64,
    /// Elements of the largest intermediate (or final) result.
    pub largest_intermediate: u128,
    /// NumPy's printed report, character for character.
    pub report: String,
}

/// The contraction order NumPy's `einsum` would use for `subscripts` on
/// operands of these shapes, with NumPy's cost estimates and report
/// (NumPy's `np.einsum_path`). Only the operands' shapes matter; see
/// [`einsum_path_shapes`] to pass shapes directly.
///
/// When the subscripts use `...`, NumPy names the broadcast axes with
/// unused letters picked in hash order, which varies between Python runs;
/// numox picks the last unused letters in ASCII order. The path and the
/// costs do not depend on the choice, only the letters in the report.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{einsum_path, EinsumOptimize};
/// let a = Array::<f64>::zeros(&[10, 1000]);
/// let b = Array::<f64>::zeros(&[1000, 5]);
/// let c = Array::<f64>::zeros(&[5, 800]);
/// let p = einsum_path("ij,jk,kl->il", &[&a, &b, &c], &EinsumOptimize::Greedy).unwrap();
/// assert_eq!(p.path, vec![vec![0, 1], vec![0, 1]]);
/// assert_eq!(p.contractions[0].subscripts, "jk,ij->ki"); // result axes by increasing length
/// assert!(p.report.starts_with("  Complete contraction:  ij,jk,kl->il\n"));
/// ```
pub fn einsum_path<T, V: AsArrayView<T>>(
    subscripts: &str,
    operands: &[V],
    optimize: &EinsumOptimize,
) -> Result<EinsumPath> {
    let shapes: Vec<Vec<usize>> = operands
        .iter()
        .map(|o| o.as_array_view().shape().to_vec())
        .collect();
    let refs: Vec<&[usize]> = shapes.iter().map(|s| s.as_slice()).collect();
    einsum_path_shapes(subscripts, &refs, optimize)
}

/// [`einsum_path`] on operand shapes instead of operands.
///
/// ```
/// use numox::linalg::{einsum_path_shapes, EinsumOptimize};
/// let p = einsum_path_shapes("ea,fb,abcd,gc,hd->efgh", &[&[10, 10], &[10, 10], &[10, 10, 10, 10],
///     &[10, 10], &[10, 10]], &EinsumOptimize::Greedy).unwrap();
/// assert_eq!(p.path, vec![vec![0, 2], vec![0, 3], vec![0, 2], vec![0, 1]]);
/// assert_eq!(p.naive_flops, 500_000_000); // 10^8 index space x ((5 terms - 1) + 1 for the inner product)
/// ```
pub fn einsum_path_shapes(
    subscripts: &str,
    shapes: &[&[usize]],
    optimize: &EinsumOptimize,
) -> Result<EinsumPath> {
    let (inputs, output) = parse_subscripts(subscripts, shapes)?;
    let n = inputs.len();
    // Index sizes (a length-1 axis takes the other operands' length).
    let mut dims = [0u128; 52];
    let mut seen: IndexSet = 0;
    for (k, (term, shape)) in inputs.iter().zip(shapes).enumerate() {
        if term.len() != shape.len() {
            return Err(Error::invalid(format!(
                "einsum_path: subscripts '{}' do not contain the correct number of indices for operand {k} of \
                 shape {shape:?}",
                symbols_of(term)
            )));
        }
        for (&s, &d) in term.iter().zip(shape.iter()) {
            let bit = 1u64 << s;
            let d = d as u128;
            if seen & bit == 0 {
                dims[s as usize] = d;
                seen |= bit;
            } else if dims[s as usize] == 1 {
                dims[s as usize] = d;
            } else if d != 1 && d != dims[s as usize] {
                return Err(Error::invalid(format!(
                    "einsum_path: size of label '{}' for operand {k} ({}) does not match previous terms ({d})",
                    SYMBOLS[s as usize] as char, dims[s as usize]
                )));
            }
        }
    }
    let input_sets: Vec<IndexSet> = inputs.iter().map(|t| set_of(t)).collect();
    let output_set = set_of(&output);
    let indices: IndexSet = input_sets.iter().fold(0, |a, &s| a | s);
    let term_size = |t: &[u8]| t.iter().fold(1u128, |a, &s| a.saturating_mul(dims[s as usize]));
    let max_size = inputs
        .iter()
        .map(|t| term_size(t))
        .chain([term_size(&output)])
        .max()
        .unwrap_or(1);
    let (kind, limit) = match optimize {
        EinsumOptimize::NoOptimize => (0, max_size),
        EinsumOptimize::Greedy => (1, max_size),
        EinsumOptimize::Optimal => (2, max_size),
        EinsumOptimize::GreedyLimited(m) => (1, *m),
        EinsumOptimize::OptimalLimited(m) => (2, *m),
        EinsumOptimize::Explicit(_) => (3, max_size),
    };
    let path: Vec<Vec<usize>> = if let EinsumOptimize::Explicit(p) = optimize {
        p.clone()
    } else if kind == 0 || n <= 2 || indices == output_set {
        vec![(0..n).collect()]
    } else if kind == 1 {
        greedy_path(input_sets.clone(), output_set, &dims, limit)
    } else {
        optimal_path(&input_sets, output_set, &dims, limit)
    };

    // Walk the path, as NumPy does, to cost each step and name its result.
    let mut sets = input_sets.clone();
    let mut list: Vec<Vec<u8>> = inputs.clone();
    let mut contractions = Vec::with_capacity(path.len());
    for (cnum, step) in path.iter().enumerate() {
        let mut pos = step.clone();
        pos.sort_unstable_by(|a, b| b.cmp(a));
        if pos.is_empty() || pos.windows(2).any(|w| w[0] == w[1]) || pos[0] >= sets.len() {
            return Err(Error::invalid(format!(
                "einsum_path: step {cnum} of the path {step:?} does not name distinct operands among the {} \
                 remaining",
                sets.len()
            )));
        }
        let c = find_contraction(&pos, &sets, output_set);
        let flops = flop_count(c.contract, c.removed != 0, pos.len(), &dims);
        let result_size = set_size(c.result, &dims);
        sets = c.remaining;
        let taken: Vec<Vec<u8>> = pos.iter().map(|&x| list.remove(x)).collect();
        let result_term: Vec<u8> = if cnum + 1 == path.len() {
            output.clone()
        } else {
            let mut r: Vec<(u128, u8)> = (0..52u8)
                .filter(|&s| c.result >> s & 1 == 1)
                .map(|s| (dims[s as usize], s))
                .collect();
            r.sort_unstable();
            r.into_iter().map(|(_, s)| s).collect()
        };
        list.push(result_term.clone());
        let lhs: Vec<String> = taken.iter().map(|t| symbols_of(t)).collect();
        contractions.push(EinsumContraction {
            positions: pos,
            subscripts: format!("{}->{}", lhs.join(","), symbols_of(&result_term)),
            remaining: list.iter().map(|t| symbols_of(t)).collect(),
            scaling: c.contract.count_ones() as usize,
            flops,
            result_size,
        });
    }
    if list.len() != 1 {
        return Err(Error::invalid(format!(
            "einsum_path: invalid path: {} more operands have to be contracted",
            list.len() - 1
        )));
    }
    let distinct_sum: u32 = input_sets.iter().map(|s| s.count_ones()).sum();
    let inner = distinct_sum > indices.count_ones();
    let naive_flops = flop_count(indices, inner, n, &dims);
    let optimized_flops = contractions.iter().fold(1u128, |a, c| a.saturating_add(c.flops));
    let complete = format!(
        "{}->{}",
        inputs.iter().map(|t| symbols_of(t)).collect::<Vec<_>>().join(","),
        symbols_of(&output)
    );
    let mut p = EinsumPath {
        path,
        optimized_scaling: contractions.iter().map(|c| c.scaling).max().unwrap_or(0),
        largest_intermediate: contractions.iter().map(|c| c.result_size).max().unwrap_or(0),
        contractions,
        complete,
        naive_scaling: indices.count_ones() as usize,
        naive_flops,
        optimized_flops,
        speedup: naive_flops as f64 / optimized_flops as f64,
        report: String::new(),
    };
    p.report = write_report(&p, &symbols_of(&output));
    Ok(p)
}

/// NumPy's printed report of a path.
fn write_report(p: &EinsumPath, output: &str) -> String {
    let mut r = format!("  Complete contraction:  {}\n", p.complete);
    r += &format!("         Naive scaling:  {}\n", p.naive_scaling);
    r += &format!("     Optimized scaling:  {}\n", p.optimized_scaling);
    r += &format!("      Naive FLOP count:  {}\n", python_e3(p.naive_flops as f64));
    r += &format!(
        "  Optimized FLOP count:  {}\n",
        python_e3(p.optimized_flops as f64)
    );
    r += &format!("   Theoretical speedup:  {:.3}\n", p.speedup);
    r += &format!(
        "  Largest intermediate:  {} elements\n",
        python_e3(p.largest_intermediate as f64)
    );
    r += &"-".repeat(74);
    r += &format!("\n{:>6} {:>24} {:>40}\n", "scaling", "current", "remaining");
    r += &"-".repeat(74);
    for c in &p.contractions {
        let remaining = format!("{}->{}", c.remaining.join(","), output);
        r += &format!("\n{:>4}    {:>24} {:>40}", c.scaling, c.subscripts, remaining);
    }
    r
}

/// Python's `'%.3e' % x`: three decimals and an exponent of at least two digits.
fn python_e3(x: f64) -> String {
    let s = format!("{x:.3e}");
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s, // inf or NaN
    }
}

/// Index of an einsum symbol in [`SYMBOLS`].
fn symbol_index(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        _ => None,
    }
}

fn symbols_of(term: &[u8]) -> String {
    term.iter().map(|&s| SYMBOLS[s as usize] as char).collect()
}

fn set_of(term: &[u8]) -> IndexSet {
    term.iter().fold(0, |a, &s| a | 1u64 << s)
}

fn set_size(set: IndexSet, dims: &[u128; 52]) -> u128 {
    (0..52)
        .filter(|&s| set >> s & 1 == 1)
        .fold(1u128, |a, s| a.saturating_mul(dims[s]))
}

/// NumPy's `_flop_count`: the size of the contraction's index space times
/// `max(1, terms - 1)`, plus one more factor for an inner product.
fn flop_count(contract: IndexSet, inner: bool, terms: usize, dims: &[u128; 52]) -> u128 {
    let factor = terms.saturating_sub(1).max(1) as u128 + u128::from(inner);
    set_size(contract, dims).saturating_mul(factor)
}

/// NumPy's `_parse_einsum_input` for string subscripts: the operand terms
/// (ellipses expanded) and the output term, as symbol indices.
fn parse_subscripts(subscripts: &str, shapes: &[&[usize]]) -> Result<(Vec<Vec<u8>>, Vec<u8>)> {
    let sub: String = subscripts.chars().filter(|&c| c != ' ').collect();
    for c in sub.chars() {
        if !(".,->".contains(c) || c.is_ascii_alphabetic()) {
            return Err(Error::invalid(format!(
                "einsum_path: character '{c}' is not a valid symbol"
            )));
        }
    }
    if (sub.contains('-') || sub.contains('>'))
        && (sub.matches('-').count() > 1 || sub.matches('>').count() > 1 || sub.matches("->").count() != 1)
    {
        return Err(Error::invalid(
            "einsum_path: subscripts can only contain one '->'",
        ));
    }
    let (lhs, rhs) = match sub.find("->") {
        Some(p) => (&sub[..p], Some(&sub[p + 2..])),
        None => (&sub[..], None),
    };
    let terms: Vec<&str> = lhs.split(',').collect();
    if terms.len() != shapes.len() {
        return Err(Error::invalid(format!(
            "einsum_path: {} subscript terms but {} operands; they must be equal",
            terms.len(),
            shapes.len()
        )));
    }
    // Letters for the ellipsis axes: unused symbols, the last ones in ASCII order.
    let used: IndexSet = sub.bytes().filter_map(symbol_index).fold(0, |a, s| a | 1u64 << s);
    let unused: Vec<u8> = (0..52u8).filter(|&s| used >> s & 1 == 0).collect();
    let mut longest = 0usize;
    let mut inputs = Vec::with_capacity(terms.len());
    for (k, t) in terms.iter().enumerate() {
        let dots = t.matches('.').count();
        if dots == 0 {
            inputs.push(t.bytes().filter_map(symbol_index).collect::<Vec<u8>>());
            continue;
        }
        if dots != 3 || t.matches("...").count() != 1 {
            return Err(Error::invalid(format!("einsum_path: invalid ellipsis in '{t}'")));
        }
        let nd = shapes[k].len();
        let count = if nd == 0 {
            0
        } else {
            nd as isize - (t.len() as isize - 3)
        };
        if count < 0 {
            return Err(Error::invalid(format!(
                "einsum_path: operand {k} has {nd} dimensions, fewer than the subscripts '{t}' name"
            )));
        }
        let count = count as usize;
        if count > unused.len() {
            return Err(Error::invalid(
                "einsum_path: too many broadcast dimensions for the 52 symbols",
            ));
        }
        longest = longest.max(count);
        let mut term = Vec::with_capacity(t.len() - 3 + count);
        let p = t.find("...").expect("one ellipsis");
        term.extend(t[..p].bytes().filter_map(symbol_index));
        term.extend_from_slice(&unused[unused.len() - count..]);
        term.extend(t[p + 3..].bytes().filter_map(symbol_index));
        inputs.push(term);
    }
    let ell: Vec<u8> = unused[unused.len() - longest.min(unused.len())..].to_vec();
    let output: Vec<u8> = match rhs {
        Some(r) => {
            let mut o = Vec::new();
            match r.find("...") {
                Some(p) if sub.contains('.') => {
                    o.extend(r[..p].bytes().filter_map(symbol_index));
                    o.extend_from_slice(&ell);
                    o.extend(r[p + 3..].bytes().filter_map(symbol_index));
                }
                _ => {
                    if r.contains('.') {
                        return Err(Error::invalid(format!(
                            "einsum_path: invalid ellipsis in the output '{r}'"
                        )));
                    }
                    o.extend(r.bytes().filter_map(symbol_index));
                }
            }
            o
        }
        None => {
            // Implicit output: the ellipsis axes, then the symbols used once, sorted.
            let mut counts = [0usize; 52];
            for t in &inputs {
                for &s in t {
                    counts[s as usize] += 1;
                }
            }
            let ell_set = set_of(&ell);
            let mut o = ell.clone();
            o.extend((0..52u8).filter(|&s| counts[s as usize] == 1 && ell_set >> s & 1 == 0));
            o
        }
    };
    let all: IndexSet = inputs.iter().fold(0, |a, t| a | set_of(t));
    for (i, &s) in output.iter().enumerate() {
        if output[..i].contains(&s) {
            return Err(Error::invalid(format!(
                "einsum_path: output character '{}' appeared more than once in the output",
                SYMBOLS[s as usize] as char
            )));
        }
        if all >> s & 1 == 0 {
            return Err(Error::invalid(format!(
                "einsum_path: output character '{}' did not appear in the input",
                SYMBOLS[s as usize] as char
            )));
        }
    }
    Ok((inputs, output))
}

/// NumPy's `_find_contraction`.
struct Contraction {
    /// Indices of the contraction's result.
    result: IndexSet,
    /// The operands left, the result appended at the end.
    remaining: Vec<IndexSet>,
    /// Indices summed away.
    removed: IndexSet,
    /// Every index of the contracted operands.
    contract: IndexSet,
}

fn find_contraction(positions: &[usize], sets: &[IndexSet], output: IndexSet) -> Contraction {
    let mut contract = 0;
    let mut keep = output;
    let mut remaining = Vec::with_capacity(sets.len() + 1 - positions.len());
    for (i, &s) in sets.iter().enumerate() {
        if positions.contains(&i) {
            contract |= s;
        } else {
            remaining.push(s);
            keep |= s;
        }
    }
    let result = keep & contract;
    remaining.push(result);
    Contraction {
        result,
        remaining,
        removed: contract & !result,
        contract,
    }
}

/// A partial path of the optimal search: `(cost, steps, operand index sets)`.
type PartialPath = (u128, Vec<Vec<usize>>, Vec<IndexSet>);

/// NumPy's `_optimal_path`: every pairwise order, sieved by the memory limit.
fn optimal_path(sets: &[IndexSet], output: IndexSet, dims: &[u128; 52], limit: u128) -> Vec<Vec<usize>> {
    let n = sets.len();
    let mut full: Vec<PartialPath> = vec![(0, Vec::new(), sets.to_vec())];
    for iteration in 0..n - 1 {
        let m = n - iteration;
        let mut next = Vec::new();
        for (cost, positions, remaining) in &full {
            for i in 0..m {
                for j in i + 1..m {
                    let c = find_contraction(&[i, j], remaining, output);
                    if set_size(c.result, dims) > limit {
                        continue;
                    }
                    let total = cost.saturating_add(flop_count(c.contract, c.removed != 0, 2, dims));
                    let mut p = positions.clone();
                    p.push(vec![i, j]);
                    next.push((total, p, c.remaining));
                }
            }
        }
        if next.is_empty() {
            let mut best = first_min_by_cost(&full);
            best.push((0..m).collect());
            return best;
        }
        full = next;
    }
    first_min_by_cost(&full)
}

/// The path of the first entry of least cost (Python's `min` keeps the first).
fn first_min_by_cost(full: &[PartialPath]) -> Vec<Vec<usize>> {
    let mut best = &full[0];
    for f in &full[1..] {
        if f.0 < best.0 {
            best = f;
        }
    }
    best.1.clone()
}

/// A candidate pair of NumPy's greedy search: `((-removed_size, cost), (x, y), sets after)`.
struct Candidate {
    key: (i128, u128),
    pair: (usize, usize),
    sets: Vec<IndexSet>,
}

/// NumPy's `_parse_possible_contraction`.
#[allow(clippy::too_many_arguments)]
fn possible_contraction(
    pair: (usize, usize),
    sets: &[IndexSet],
    output: IndexSet,
    dims: &[u128; 52],
    limit: u128,
    path_cost: u128,
    naive_cost: u128,
) -> Option<Candidate> {
    let c = find_contraction(&[pair.0, pair.1], sets, output);
    let new_size = set_size(c.result, dims);
    if new_size > limit {
        return None;
    }
    let old = set_size(sets[pair.0], dims) as i128 + set_size(sets[pair.1], dims) as i128;
    let removed = old - new_size as i128;
    let cost = flop_count(c.contract, c.removed != 0, 2, dims);
    if path_cost.saturating_add(cost) > naive_cost {
        return None;
    }
    Some(Candidate {
        key: (-removed, cost),
        pair,
        sets: c.remaining,
    })
}

/// NumPy's `_greedy_path`.
fn greedy_path(mut sets: Vec<IndexSet>, output: IndexSet, dims: &[u128; 52], limit: u128) -> Vec<Vec<usize>> {
    let n = sets.len();
    let all: Vec<usize> = (0..n).collect();
    let c = find_contraction(&all, &sets, output);
    let naive_cost = flop_count(c.contract, c.removed != 0, n, dims);
    let mut pairs: Vec<(usize, usize)> = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect();
    let mut known: Vec<Candidate> = Vec::new();
    let mut path_cost = 0u128;
    let mut path = Vec::new();
    for _ in 0..n - 1 {
        for &p in &pairs {
            if sets[p.0] & sets[p.1] == 0 {
                continue; // outer products are considered only as a last resort
            }
            if let Some(r) = possible_contraction(p, &sets, output, dims, limit, path_cost, naive_cost) {
                known.push(r);
            }
        }
        if known.is_empty() {
            let m = sets.len();
            for i in 0..m {
                for j in i + 1..m {
                    if let Some(r) =
                        possible_contraction((i, j), &sets, output, dims, limit, path_cost, naive_cost)
                    {
                        known.push(r);
                    }
                }
            }
            if known.is_empty() {
                path.push((0..m).collect());
                break;
            }
        }
        let mut b = 0;
        for (i, k) in known.iter().enumerate() {
            if k.key < known[b].key {
                b = i;
            }
        }
        // NumPy's `_update_other_results`: keep the candidates that do not
        // involve the contracted pair (the best one included), renumbered,
        // with the new tensor in their operand lists.
        let (best_key, (bx, by)) = (known[b].key, known[b].pair);
        let best_sets = std::mem::take(&mut known[b].sets);
        let new_tensor = *best_sets.last().expect("the result is appended");
        let mut kept = Vec::with_capacity(known.len());
        for k in known {
            let (x, y) = k.pair;
            if x == bx || x == by || y == bx || y == by {
                continue;
            }
            let mut s = k.sets;
            let shift = |v: usize| v - usize::from(v > x) - usize::from(v > y);
            s.remove(shift(by));
            s.remove(shift(bx));
            let at = s.len() - 1;
            s.insert(at, new_tensor);
            let renum = |v: usize| v - usize::from(v > bx) - usize::from(v > by);
            kept.push(Candidate {
                key: k.key,
                pair: (renum(x), renum(y)),
                sets: s,
            });
        }
        known = kept;
        sets = best_sets;
        let new_pos = sets.len() - 1;
        pairs = (0..new_pos).map(|i| (i, new_pos)).collect();
        path.push(vec![bx, by]);
        path_cost = path_cost.saturating_add(best_key.1);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_docstring_paths() {
        // np.einsum_path('ij,jk,kl->il', a, b, c) from NumPy's docstring.
        let p = einsum_path_shapes(
            "ij,jk,kl->il",
            &[&[2, 2], &[2, 5], &[5, 2]],
            &EinsumOptimize::Greedy,
        )
        .unwrap();
        assert_eq!(p.path, vec![vec![1, 2], vec![0, 1]]);
        let o = einsum_path_shapes(
            "ij,jk,kl->il",
            &[&[2, 2], &[2, 5], &[5, 2]],
            &EinsumOptimize::Optimal,
        )
        .unwrap();
        assert_eq!(o.path, vec![vec![1, 2], vec![0, 1]]);
    }

    #[test]
    fn explicit_path_errors() {
        let shapes: [&[usize]; 3] = [&[2, 2], &[2, 2], &[2, 2]];
        let bad = EinsumOptimize::Explicit(vec![vec![0, 1]]);
        assert!(einsum_path_shapes("ij,jk,kl->il", &shapes, &bad).is_err());
        let out_of_range = EinsumOptimize::Explicit(vec![vec![0, 3], vec![0, 1]]);
        assert!(einsum_path_shapes("ij,jk,kl->il", &shapes, &out_of_range).is_err());
        assert!(einsum_path_shapes("ij,jk->ik", &[&[2, 3], &[4, 2]], &EinsumOptimize::Greedy).is_err());
        assert!(einsum_path_shapes("ij,jk->iq", &[&[2, 3], &[3, 2]], &EinsumOptimize::Greedy).is_err());
        assert!(einsum_path_shapes("ij->i->j", &[&[2, 3]], &EinsumOptimize::Greedy).is_err());
        assert!(einsum_path_shapes("i1", &[&[2, 3]], &EinsumOptimize::Greedy).is_err());
    }
}
