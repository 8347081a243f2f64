//! The bundled Inter family (SIL Open Font License), regular and bold. The editor and
//! every export draw with these bytes, so text looks the same on every machine.

pub const INTER_REGULAR: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");
pub const INTER_BOLD: &[u8] = include_bytes!("../assets/fonts/Inter-Bold.otf");
/// The family name inside the font files.
pub const FAMILY: &str = "Inter";
