//! One way to run data-parallel work with a user-chosen number of workers
//! (RapidFuzz's convention: 1 = this thread's pool of one, -1 = all cores, n = n threads).

use crate::error::{Error, Result};

/// Run `f` on a rayon pool of `workers` threads (`-1` = all cores, the global pool).
pub fn with_workers<T: Send>(workers: i64, f: impl FnOnce() -> T + Send) -> Result<T> {
    match workers {
        -1 => Ok(f()),
        n if n >= 1 => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n as usize)
                .build()
                .map_err(|e| Error::invalid("workers", e.to_string()))?;
            Ok(pool.install(f))
        }
        n => Err(Error::invalid(
            "workers",
            format!("must be -1 (all cores) or a positive number, got {n}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools() {
        assert_eq!(with_workers(2, rayon::current_num_threads).unwrap(), 2);
        assert_eq!(with_workers(1, || 5).unwrap(), 5);
        assert!(with_workers(-1, || ()).is_ok());
        assert!(with_workers(0, || ()).is_err());
        assert!(with_workers(-2, || ()).is_err());
    }
}
