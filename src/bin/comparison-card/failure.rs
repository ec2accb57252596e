//! How a command ends when it does not succeed; read by `main` for the exit status.

/// Why a command did not finish, and so its exit status.
pub enum Failure {
    /// The spec has problems, already listed on standard error: exit status 1.
    Problems,
    /// Wrong arguments, or a file that cannot be read or output that cannot be written: exit
    /// status 2, with this message.
    Usage(String),
}
