//! Advanced indexing: integer-array and boolean-mask selection and
//! assignment, `take`/`put`, `where_`, `nonzero`, `diagonal`, `clip`.
