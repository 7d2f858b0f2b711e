//! `serde` support: an array serialises as `{"shape": [..], "data": [..]}`
//! with the data in C order; deserialising checks that the data fit the shape.

use crate::array::{Array, ArrayBase, Data};
use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

impl<A: Serialize, S: Data<Elem = A>> Serialize for ArrayBase<S> {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        struct Elems<'a, A, S: Data<Elem = A>>(&'a ArrayBase<S>);
        impl<A: Serialize, S: Data<Elem = A>> Serialize for Elems<'_, A, S> {
            fn serialize<Z: Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
                s.collect_seq(self.0.iter())
            }
        }
        let mut st = serializer.serialize_struct("Array", 2)?;
        st.serialize_field("shape", self.shape())?;
        st.serialize_field("data", &Elems(self))?;
        st.end()
    }
}

impl<'de, A: Deserialize<'de>> Deserialize<'de> for Array<A> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw<A> {
            shape: Vec<usize>,
            data: Vec<A>,
        }
        let raw = Raw::<A>::deserialize(deserializer)?;
        Array::from_shape_vec(&raw.shape, raw.data).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn round_trip_through_json() {
        let a = array![[1.5, 2.0], [3.0, -4.0]];
        let text = serde_json::to_string(&a.t()).unwrap();
        assert_eq!(text, r#"{"shape":[2,2],"data":[1.5,3.0,2.0,-4.0]}"#);
        let back: Array<f64> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, a.t());
        let bad = serde_json::from_str::<Array<f64>>(r#"{"shape":[3],"data":[1.0]}"#);
        assert!(bad.unwrap_err().to_string().contains("cannot reshape"));
    }
}
