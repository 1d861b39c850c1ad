//! The eligibility engine: pure rules from (order, policy, instant) to verdicts.
