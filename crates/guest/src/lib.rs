//! tessera-guest
