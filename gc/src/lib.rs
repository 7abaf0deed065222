//! The heap (issue 3).
