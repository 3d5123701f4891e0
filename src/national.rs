//! National context shown beside the map: figures with their sources, side by side where
//! sources disagree.

use serde::{Deserialize, Serialize};

use crate::Source;

/// A national figure. `kind` is a stable slug the UI renders through its catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NationalFigure {
    pub kind: String,
    /// The period the figure covers, as the source words it (e.g. "2019", "2018–2019-06").
    pub period: String,
    /// A number, or a slug for categorical figures such as a TIP tier; `None` when unknown.
    pub value: Option<String>,
    pub source: Option<Source>,
}
