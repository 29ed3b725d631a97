//! One way to run data-parallel work with a user-chosen number of workers
//! (RapidFuzz's convention: 1 = one thread, -1 = all cores, n = n threads; here 0 also means
//! all cores, as it always did for `Corpus`).
//!
//! More threads than cores only cost memory and start-up time (`workers=5000` took 61 s and
//! rayon refuses beyond 65,535), so `n` is clamped to the cores available; pools are built
//! once per size and reused.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{Error, Result};

/// Cores this process may use (`available_parallelism` honours cgroup quotas and affinity),
/// looked up once: the lookup reads cgroup files in /proc, 30 µs that were half of a small
/// `extract` call.
pub fn available_cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The thread count `workers` asks for: `-1` and `0` mean all cores, `n ≥ 1` means
/// `min(n, cores)`; anything below -1 is an error naming `workers`.
pub fn threads_for(workers: i64) -> Result<usize> {
    match workers {
        -1 | 0 => Ok(available_cores()),
        n if n >= 1 => Ok((n as u64).min(available_cores() as u64) as usize),
        n => Err(Error::invalid(
            "workers",
            format!("must be -1 or 0 (all cores) or a positive number, got {n}"),
        )),
    }
}

fn pool(threads: usize) -> Result<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let pools = POOLS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = pools.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = map.get(&threads) {
        return Ok(p.clone());
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Error::invalid("workers", e.to_string()))?,
    );
    map.insert(threads, p.clone());
    Ok(p)
}

/// Run `f` on a (cached) rayon pool of `workers` threads; all cores run on the global pool.
pub fn with_workers<T: Send>(workers: i64, f: impl FnOnce() -> T + Send) -> Result<T> {
    let threads = threads_for(workers)?;
    if threads == available_cores() && threads == rayon::current_num_threads() {
        return Ok(f());
    }
    Ok(pool(threads)?.install(f))
}

/// Below this much work (character comparisons) a batch runs on the calling thread: handing
/// it to a pool costs 5-10 µs, more than scoring 100 names.
pub const SERIAL_WORK: u128 = 1 << 16;

/// [`with_workers`] for a batch of `work` character comparisons: `f(true)` on the calling
/// thread when one worker is asked for or the work is too small to share (`f` then must not
/// use rayon), else `f(false)` on the pool.
pub fn with_workers_for<T: Send>(
    workers: i64,
    work: u128,
    f: impl FnOnce(bool) -> T + Send,
) -> Result<T> {
    let threads = threads_for(workers)?;
    if threads == 1 || work < SERIAL_WORK {
        return Ok(f(true));
    }
    with_workers(workers, || f(false))
}

static CANCEL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static CANCEL_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Ask every long loop to stop (Ctrl-C seen by the Python binding); see [`interrupted`].
pub fn request_stop() {
    CANCEL_EPOCH.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    CANCEL.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Clear the stop request once the call that made it has returned.
pub fn clear_stop() {
    CANCEL.store(false, std::sync::atomic::Ordering::SeqCst);
}

/// How many stops were requested so far: a call whose count changed while it ran may have
/// been cut short and must not return its result.
pub fn stop_epoch() -> u64 {
    CANCEL_EPOCH.load(std::sync::atomic::Ordering::SeqCst)
}

/// Whether long loops should stop now (one relaxed load: cheap enough for every row).
#[inline]
pub fn interrupted() -> bool {
    CANCEL.load(std::sync::atomic::Ordering::Relaxed)
}

/// [`interrupted`], looked at once every 1024 iterations of a tight loop.
#[inline]
pub fn interrupted_every(i: usize) -> bool {
    i % 1024 == 0 && interrupted()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools() {
        let cores = available_cores();
        assert_eq!(
            with_workers(2, rayon::current_num_threads).unwrap(),
            2.min(cores)
        );
        assert_eq!(with_workers(1, rayon::current_num_threads).unwrap(), 1);
        assert_eq!(with_workers(1, || 5).unwrap(), 5);
        assert!(with_workers(-1, || ()).is_ok());
        assert_eq!(with_workers(0, rayon::current_num_threads).unwrap(), cores);
        assert!(with_workers(-2, || ()).is_err());
        assert!(with_workers_for(1, u128::MAX, |serial| serial).unwrap());
        assert!(with_workers_for(-1, 10, |serial| serial).unwrap());
        assert_eq!(
            with_workers_for(-1, u128::MAX, |serial| serial).unwrap(),
            cores == 1
        );
        assert!(with_workers_for(-2, 10, |serial| serial).is_err());
    }

    #[test]
    fn huge_worker_counts_are_clamped_and_pools_reused() {
        let t = std::time::Instant::now();
        for _ in 0..50 {
            let n = with_workers(i64::MAX, rayon::current_num_threads).unwrap();
            assert_eq!(n, available_cores());
            assert_eq!(with_workers(1_000_000_000, || 1).unwrap(), 1);
        }
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
        assert!(Arc::ptr_eq(&pool(1).unwrap(), &pool(1).unwrap()));
    }
}
