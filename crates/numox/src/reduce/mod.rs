//! Reductions: `sum`, `prod`, `mean`, `var`, `std`, `min`, `max`, `argmin`,
//! `argmax`, `ptp`, `any`, `all`, `cumsum`, `cumprod`, `count_nonzero`.
