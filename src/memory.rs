//! How much memory this process may still take: checked before building results whose size
//! the caller controls (a dense cdist matrix, an Article of adversarial text), so the answer
//! is an error instead of an abort.

fn read_u64(path: &str) -> Option<u64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// A `/proc` line `Key:   123 kB` (or a bare number of bytes) as bytes.
fn proc_field(text: &str, key: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(key))?;
    let mut it = line[key.len()..].split_whitespace();
    let v: u64 = it.next()?.parse().ok()?;
    Some(if it.next() == Some("kB") { v * 1024 } else { v })
}

/// Bytes this process can still allocate, when known: the least of the system's
/// `MemAvailable`, the cgroup's headroom (v2 `memory.max`, v1 `limit_in_bytes`) and the
/// address-space limit (`ulimit -v`) above the current size. Reading only `MemAvailable`
/// let a matrix pass the check and then abort under `ulimit` or a container limit.
pub fn available_memory() -> Option<u64> {
    let mut best: Option<u64> = None;
    let mut take = |v: Option<u64>| {
        if let Some(v) = v {
            best = Some(best.map_or(v, |b| b.min(v)));
        }
    };
    take(
        std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|t| proc_field(&t, "MemAvailable:")),
    );
    let cg2 = read_u64("/sys/fs/cgroup/memory.max")
        .zip(read_u64("/sys/fs/cgroup/memory.current"))
        .map(|(max, cur)| max.saturating_sub(cur));
    take(cg2);
    let cg1 = read_u64("/sys/fs/cgroup/memory/memory.limit_in_bytes")
        .filter(|&l| l < (1 << 60))
        .zip(read_u64("/sys/fs/cgroup/memory/memory.usage_in_bytes"))
        .map(|(max, cur)| max.saturating_sub(cur));
    take(cg1);
    let limits = std::fs::read_to_string("/proc/self/limits").ok();
    let rlimit_as = limits.as_deref().and_then(|t| {
        let line = t.lines().find(|l| l.starts_with("Max address space"))?;
        line.split_whitespace().nth(3)?.parse::<u64>().ok()
    });
    let vm_size = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|t| proc_field(&t, "VmSize:"));
    take(rlimit_as.map(|l| l.saturating_sub(vm_size.unwrap_or(0))));
    best
}
