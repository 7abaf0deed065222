//! The runtime (issue 3).
