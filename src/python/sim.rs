//! Bindings of `crate::sim`: argument extraction, GIL release, numpy conversion.

use std::collections::HashMap;
use std::sync::Arc;

use numpy::{PyArray1, PyArrayMethods};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use super::{detached, detached_quick};

/// Below this many character comparisons a batch runs without the interruptible helper
/// thread, whose start (20-40 µs) would dominate a tiny call.
const QUICK_WORK: u128 = 1 << 20;

fn chars(v: &[String]) -> u128 {
    v.iter().map(|s| s.len() as u128).sum()
}

/// Character comparisons of a batch of `a` against `b`.
fn work(a: &sim::batch::Texts, b: &sim::batch::Texts) -> u128 {
    a.total_chars() as u128 * b.total_chars() as u128
}

/// Comparisons of one statement pair (they align word by word): the work measure of
/// [`run`] for `statement`, `compare` and `StatementScorer`.
fn pair_work(a: &str, b: &str) -> u128 {
    a.len() as u128 * b.len() as u128
}

/// [`detached`] for big work, [`detached_quick`] for small: both release the GIL; only big
/// work pays for the helper thread that lets Ctrl-C stop it.
fn run<T: Send>(
    py: Python<'_>,
    work: u128,
    f: impl Send + FnOnce() -> crate::Result<T>,
) -> PyResult<T> {
    if work < QUICK_WORK {
        detached_quick(py, f)
    } else {
        detached(py, f)
    }
}
use crate::sim::{self, Metric, Scorer, StatementScorer};

pub(super) fn type_name(o: &Bound<'_, PyAny>) -> String {
    o.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// `o` as a str, or a TypeError naming the argument.
fn as_str(o: &Bound<'_, PyAny>, arg: &str) -> PyResult<String> {
    match o.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{arg} must be str, not {}",
            type_name(o)
        ))),
    }
}

/// A list (or any iterable that is not a str) of str, or a TypeError naming the argument
/// and the index of the first bad element.
pub(crate) fn str_list(o: &Bound<'_, PyAny>, arg: &str) -> PyResult<Vec<String>> {
    if o.is_instance_of::<PyString>() || o.is_none() {
        return Err(PyTypeError::new_err(format!(
            "{arg} must be a list of str, not {}",
            type_name(o)
        )));
    }
    // The message naming the element is built only for a bad one (building it for every
    // element was a third of a small `extract` call).
    let item = |i: usize, x: &Bound<'_, PyAny>| -> PyResult<String> {
        match x.cast::<PyString>() {
            Ok(s) => Ok(s.to_cow()?.into_owned()),
            Err(_) => Err(PyTypeError::new_err(format!(
                "{arg}[{i}] must be str, not {}",
                type_name(x)
            ))),
        }
    };
    if let Ok(list) = o.cast::<PyList>() {
        let mut out = Vec::with_capacity(list.len());
        for (i, x) in list.iter().enumerate() {
            out.push(item(i, &x)?);
        }
        return Ok(out);
    }
    let it = o.try_iter().map_err(|_| {
        PyTypeError::new_err(format!("{arg} must be a list of str, not {}", type_name(o)))
    })?;
    let mut out = Vec::new();
    for (i, x) in it.enumerate() {
        out.push(item(i, &x?)?);
    }
    Ok(out)
}

/// Append the str `o` to `texts`, or a TypeError naming `arg` and `i`.
fn push_text(
    texts: &mut sim::batch::Texts,
    o: &Bound<'_, PyAny>,
    arg: &str,
    i: usize,
) -> PyResult<()> {
    let (s, n) = str_len(o, arg, i)?;
    push_str(texts, s, n)
}

/// `o` as a str with its length in code points, or a TypeError naming `arg` and `i`.
fn str_len<'a, 'py>(
    o: &'a Bound<'py, PyAny>,
    arg: &str,
    i: usize,
) -> PyResult<(&'a Bound<'py, PyString>, usize)> {
    checked_str(o, || format!("{arg}[{i}]"))
}

/// `o` as a str with its length in code points, or a TypeError naming what `name` gives
/// (built only on error).
fn checked_str<'a, 'py>(
    o: &'a Bound<'py, PyAny>,
    name: impl FnOnce() -> String,
) -> PyResult<(&'a Bound<'py, PyString>, usize)> {
    let Ok(s) = o.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{} must be str, not {}",
            name(),
            type_name(o)
        )));
    };
    // SAFETY: `s` is a live str object (we hold the GIL and a reference).
    let n = unsafe { pyo3::ffi::PyUnicode_GetLength(s.as_ptr()) };
    if n < 0 {
        return Err(PyErr::fetch(s.py()));
    }
    Ok((s, n as usize))
}

/// Append the str `s` of `n` code points to `texts`.
///
/// Reads the string's own UTF-8 buffer when CPython has one ([`utf8_of`]: in place for
/// ASCII), else the code points (`PyUnicode_AsUCS4`, stable ABI since 3.7): the safe
/// `to_cow` encodes to a bytes object, copies it and decodes it again, which was most of
/// the time of a 100-name `extract`.
fn push_str(texts: &mut sim::batch::Texts, s: &Bound<'_, PyString>, n: usize) -> PyResult<()> {
    if let Some((bytes, true)) = utf8_of(s, n) {
        texts.push_ascii(bytes);
        return Ok(());
    }
    let mut failed = false;
    // SAFETY: the pointer has room for `n` code points (the string's length); on success
    // `PyUnicode_AsUCS4` wrote all `n` (copy_null = 0: no terminating NUL).
    let pushed = unsafe {
        texts.push_written(n, |p| {
            failed = pyo3::ffi::PyUnicode_AsUCS4(s.as_ptr(), p, n as _, 0).is_null();
            !failed
        })
    };
    if failed {
        return Err(PyErr::fetch(s.py()));
    }
    if !pushed {
        // A lone surrogate: the UTF-8 conversion raises the error it always raised.
        texts.push_str(&s.to_cow()?);
    }
    Ok(())
}

/// Item `i` of `list`, borrowed: no reference count taken and dropped per item (two calls
/// under the limited API). Only while no Python code runs (nothing can then remove it
/// from the list): not across a Python processor's call.
fn borrowed_item<'a, 'py>(
    list: &'a Bound<'py, PyList>,
    i: usize,
) -> PyResult<Borrowed<'a, 'py, PyAny>> {
    // SAFETY: `list` is a live list; `PyList_GetItem` returns a borrowed reference (or NULL
    // with IndexError set), valid while the list holds it, which is for as long as no Python
    // code runs: the caller's contract.
    unsafe {
        let p = pyo3::ffi::PyList_GetItem(list.as_ptr(), i as pyo3::ffi::Py_ssize_t);
        if p.is_null() {
            return Err(PyErr::fetch(list.py()));
        }
        Ok(Borrowed::from_ptr(list.py(), p))
    }
}

/// How a processor argument applies: not at all, the built-in one, or a Python callable.
pub(super) enum Proc<'py> {
    None,
    Default,
    Call(Bound<'py, PyAny>),
}

pub(super) fn proc_of<'py>(p: Option<&Bound<'py, PyAny>>) -> PyResult<Proc<'py>> {
    Ok(match p {
        None => Proc::None,
        Some(p) if p.is_none() => Proc::None,
        Some(p) if p.is_instance_of::<pyo3::types::PyBool>() => {
            if p.is_truthy()? {
                Proc::Default
            } else {
                Proc::None
            }
        }
        Some(p) if p.is(natives(p.py())?.default_process.bind(p.py())) => Proc::Default,
        Some(p) if p.is_callable() => Proc::Call(p.clone()),
        Some(p) => {
            return Err(PyTypeError::new_err(format!(
                "processor must be None, True or a callable, not {}",
                type_name(p)
            )))
        }
    })
}

/// Strings up to this many code points are read onto the stack by the single-pair scorers:
/// two names then cost no allocation (four of them were a fifth of a call).
const INLINE_CHARS: usize = 64;

/// Above this many code points in a pair, a single-pair scorer releases the GIL while it
/// scores; below it the release and re-acquisition would cost more than the other threads gain.
const DETACH_PAIR_CHARS: usize = 4096;

/// Room for the code points of one scorer argument: on the stack when short, uninitialized
/// until read (zeroing and then moving a 256-byte array per string was a tenth of a call).
pub(super) struct Buf {
    inline: [std::mem::MaybeUninit<char>; INLINE_CHARS],
    heap: Vec<char>,
}

impl Buf {
    pub(super) fn new() -> Self {
        Buf {
            inline: [std::mem::MaybeUninit::uninit(); INLINE_CHARS],
            heap: Vec::new(),
        }
    }
}

/// Whether `n` code points read as `u32` at `p` are all Unicode scalar values (no lone
/// surrogate), so they may be seen as `char`s.
///
/// # Safety
/// `p` points to `n` initialized `u32`s.
unsafe fn all_scalar(p: *const u32, n: usize) -> bool {
    sim::batch::all_scalar(std::slice::from_raw_parts(p, n))
}

/// The UTF-8 form of `s`, borrowed from the str object, with whether it is ASCII; `None`
/// for a string with a lone surrogate (no UTF-8 form; the caller's general path raises).
///
/// CPython keeps a compact ASCII string's bytes in place, so for ASCII (most names and much
/// news text) this is the string's own buffer: no copy, no allocation, and no check of the
/// code points, and reading choices this way was 5-10% of an `extract` call (names
/// extractOne ratio 6.8 -> 6.3 µs per 100 choices). Callers read any other string as UCS-4
/// (decoding this UTF-8 was twice as slow: sentences `ratio(a, b)` 0.42× RapidFuzz against
/// 0.69×); CPython builds that string's UTF-8 form on the first call and keeps it with the
/// string (as for PyO3's `to_str`): about one more byte per character while it lives.
fn utf8_of<'a>(s: &'a Bound<'_, PyString>, n: usize) -> Option<(&'a [u8], bool)> {
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live str; the buffer lives as long as the object (borrowed for 'a).
    let p = unsafe { pyo3::ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
    if p.is_null() {
        // SAFETY: we hold the GIL; the error is raised again by the caller's general path.
        unsafe { pyo3::ffi::PyErr_Clear() };
        return None;
    }
    // SAFETY: CPython's UTF-8 buffer of `size` bytes, valid while `s` is.
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), size as usize) };
    // UTF-8 of n code points is n bytes exactly when all are ASCII.
    Some((bytes, bytes.len() == n))
}

/// The bytes of `o` when it is an ASCII str, borrowed in place ([`utf8_of`]); `None` for
/// anything else (which the caller reads through [`code_points`], raising its errors).
pub(super) fn ascii_of<'a>(o: &'a Bound<'_, PyAny>) -> Option<&'a [u8]> {
    let (s, n) = checked_str(o, String::new).ok()?;
    match utf8_of(s, n) {
        Some((bytes, true)) => Some(bytes),
        _ => None,
    }
}

/// The code points of the str `s` (read as [`push_text`] does) in `buf`, or a TypeError
/// naming `arg`.
fn code_points<'b>(s: &Bound<'_, PyAny>, arg: &str, buf: &'b mut Buf) -> PyResult<&'b [char]> {
    let (st, n) = checked_str(s, || arg.to_string())?;
    str_code_points(st, n, buf)
}

/// The code points of the str `st` of `n` code points in `buf` ([`code_points`] once the
/// type and length are known).
fn str_code_points<'b>(
    st: &Bound<'_, PyString>,
    n: usize,
    buf: &'b mut Buf,
) -> PyResult<&'b [char]> {
    if let Some((bytes, true)) = utf8_of(st, n) {
        if n <= INLINE_CHARS {
            for (o, &b) in buf.inline.iter_mut().zip(bytes) {
                o.write(b as char);
            }
            // SAFETY: the first `n` slots were just written.
            return Ok(unsafe {
                std::slice::from_raw_parts(buf.inline.as_ptr().cast::<char>(), n)
            });
        }
        buf.heap.clear();
        buf.heap.extend(bytes.iter().map(|&b| b as char));
        return Ok(&buf.heap);
    }
    if n <= INLINE_CHARS {
        let p = buf.inline.as_mut_ptr().cast::<u32>();
        // SAFETY: `inline` has room for `INLINE_CHARS >= n` u32s (`char` has the size and
        // alignment of `u32`); the call writes `n` of them (copy_null = 0: no NUL), and they
        // are seen as `char`s only after every one is checked.
        unsafe {
            if pyo3::ffi::PyUnicode_AsUCS4(st.as_ptr(), p, INLINE_CHARS as _, 0).is_null() {
                return Err(PyErr::fetch(st.py()));
            }
            if all_scalar(p, n) {
                return Ok(std::slice::from_raw_parts(p.cast::<char>(), n));
            }
        }
    } else {
        buf.heap.clear();
        buf.heap.reserve(n);
        let p = buf.heap.as_mut_ptr().cast::<u32>();
        // SAFETY: as above, in the vector's capacity of at least `n`.
        unsafe {
            if pyo3::ffi::PyUnicode_AsUCS4(st.as_ptr(), p, n as _, 0).is_null() {
                return Err(PyErr::fetch(st.py()));
            }
            if all_scalar(p, n) {
                buf.heap.set_len(n);
                return Ok(&buf.heap);
            }
        }
    }
    // A lone surrogate: the UTF-8 conversion raises the error it always raised.
    buf.heap.clear();
    buf.heap.extend(st.to_cow()?.chars());
    Ok(&buf.heap)
}

/// The str `s` of `n` code points `default_process`ed (as the core's processor does it),
/// in `out`: an ASCII string from its borrowed bytes by table, any other through its code
/// points (read into `buf`).
fn read_processed<'b>(
    s: &Bound<'_, PyString>,
    n: usize,
    buf: &mut Buf,
    out: &'b mut Vec<char>,
) -> PyResult<&'b [char]> {
    read_processed_utf8(s, n, utf8_of(s, n), buf, out)
}

/// [`read_processed`] given `utf8`, what [`utf8_of`] says of `s`.
fn read_processed_utf8<'b>(
    s: &Bound<'_, PyString>,
    n: usize,
    utf8: Option<(&[u8], bool)>,
    buf: &mut Buf,
    out: &'b mut Vec<char>,
) -> PyResult<&'b [char]> {
    out.clear();
    if let Some((bytes, true)) = utf8 {
        sim::process::default_process_ascii(bytes, out);
    } else {
        sim::process::default_process_chars(str_code_points(s, n, buf)?, false, out);
    }
    Ok(out)
}

pub(super) fn processed<'b>(
    s: &Bound<'_, PyAny>,
    arg: &str,
    p: &Proc<'_>,
    buf: &'b mut Buf,
) -> PyResult<&'b [char]> {
    Ok(match p {
        Proc::None => code_points(s, arg, buf)?,
        Proc::Default => {
            let (st, n) = checked_str(s, || arg.to_string())?;
            let mut v = Vec::new();
            read_processed(st, n, buf, &mut v)?;
            buf.heap = v;
            &buf.heap
        }
        Proc::Call(f) => {
            let out = as_str(&f.call1((s,))?, &format!("processor({arg})"))?;
            buf.heap.clear();
            buf.heap.extend(out.chars());
            &buf.heap
        }
    })
}

fn run_scorer(
    py: Python<'_>,
    scorer: Scorer,
    s1: &Bound<'_, PyAny>,
    s2: &Bound<'_, PyAny>,
    processor: Option<&Bound<'_, PyAny>>,
    score_cutoff: Option<f64>,
) -> PyResult<f64> {
    let p = proc_of(processor)?;
    let (mut ba, mut bb) = (Buf::new(), Buf::new());
    let a = processed(s1, "s1", &p, &mut ba)?;
    let b = processed(s2, "s2", &p, &mut bb)?;
    let cutoff = score_cutoff.unwrap_or(0.0);
    if a.len() + b.len() > DETACH_PAIR_CHARS {
        detached(py, || Ok(scorer.score(a, b, cutoff)))
    } else {
        Ok(scorer.score(a, b, cutoff))
    }
}

// The scorers are `#[pyfunction]`s, not callable objects (issue 14), because that is faster:
// under abi3-py310 a function takes its arguments by METH_FASTCALL, while a pyclass's
// `__call__` goes through `tp_call` (an argument tuple and a keyword dict; the limited API
// has no vectorcall for classes before 3.12). Measured with a `ratio` pyclass probe on
// names, 2000 pairs, CPython 3.11: 161 ns per call as a function, 195 ns as an object; with
// `score_cutoff=` 175 against 264 ns (RapidFuzz: 135 / 137 ns). Batch functions recognize
// them by identity ([`natives`]).
macro_rules! scorer_fn {
    ($fname:ident, $pyname:literal, $variant:expr, $doc:literal) => {
        #[doc = $doc]
        #[doc = ""]
        #[doc = "**processor=True is quotelens's ``default_process``, not RapidFuzz's \
                 ``utils.default_process``** (NFKC, case folding, each run of punctuation to \
                 one space): with a processor, scores can differ from RapidFuzz's. Pass \
                 ``processor=rapidfuzz.utils.default_process`` for RapidFuzz's scores."]
        #[pyfunction]
        #[pyo3(name = $pyname, signature = (s1, s2, *, processor = None, score_cutoff = None))]
        pub fn $fname(
            py: Python<'_>,
            s1: &Bound<'_, PyAny>,
            s2: &Bound<'_, PyAny>,
            processor: Option<&Bound<'_, PyAny>>,
            score_cutoff: Option<f64>,
        ) -> PyResult<f64> {
            run_scorer(py, $variant, s1, s2, processor, score_cutoff)
        }
    };
}

scorer_fn!(
    py_ratio,
    "ratio",
    Scorer::Ratio,
    "Normalized Indel similarity (RapidFuzz ``fuzz.ratio``), 0–100.\n\n\
     >>> from quotelens.sim import ratio\n>>> round(ratio(\"this is a test\", \"this is a test!\"), 2)\n96.55"
);
scorer_fn!(
    py_qratio,
    "QRatio",
    Scorer::QRatio,
    "``ratio``, but 0 when either string is empty (after the processor), as RapidFuzz's \
     ``fuzz.QRatio``: ``ratio(\"\", \"\")`` is 100, ``QRatio(\"\", \"\")`` is 0.\n\n\
     >>> from quotelens.sim import QRatio\n>>> QRatio(\"\", \"\"), round(QRatio(\"this is a test\", \"this is a test!\"), 2)\n(0.0, 96.55)"
);
scorer_fn!(
    py_partial_ratio,
    "partial_ratio",
    Scorer::PartialRatio,
    "Best ``ratio`` of the shorter string against any window of the longer one (RapidFuzz \
     ``fuzz.partial_ratio``).\n\n>>> from quotelens.sim import partial_ratio\n\
     >>> partial_ratio(\"this is a test\", \"this is a test!\")\n100.0"
);
scorer_fn!(
    py_token_sort_ratio,
    "token_sort_ratio",
    Scorer::TokenSortRatio,
    "``ratio`` of the strings with their words sorted (RapidFuzz ``fuzz.token_sort_ratio``).\n\n\
     >>> from quotelens.sim import token_sort_ratio\n\
     >>> token_sort_ratio(\"fuzzy wuzzy was a bear\", \"wuzzy fuzzy was a bear\")\n100.0"
);
scorer_fn!(
    py_token_set_ratio,
    "token_set_ratio",
    Scorer::TokenSetRatio,
    "Compares the shared words and the differences (RapidFuzz ``fuzz.token_set_ratio``).\n\n\
     >>> from quotelens.sim import token_set_ratio\n\
     >>> token_set_ratio(\"fuzzy was a bear\", \"fuzzy fuzzy was a bear\")\n100.0"
);
scorer_fn!(
    py_token_ratio,
    "token_ratio",
    Scorer::TokenRatio,
    "The better of ``token_sort_ratio`` and ``token_set_ratio`` (RapidFuzz ``fuzz.token_ratio``).\n\n\
     >>> from quotelens.sim import token_ratio\n\
     >>> token_ratio(\"fuzzy was a bear\", \"bear was a fuzzy\")\n100.0"
);
scorer_fn!(
    py_wratio,
    "WRatio",
    Scorer::WRatio,
    "Weighted mix of ratio, token and partial ratios by length difference (RapidFuzz \
     ``fuzz.WRatio``).\n\n>>> from quotelens.sim import WRatio\n\
     >>> round(WRatio(\"this is a test\", \"this is a new test!!!\"), 1)\n85.5"
);
scorer_fn!(
    py_jaro_winkler,
    "jaro_winkler",
    Scorer::JaroWinkler,
    "Jaro-Winkler similarity × 100 (RapidFuzz ``JaroWinkler.normalized_similarity``); good for \
     short names.\n\n>>> from quotelens.sim import jaro_winkler\n\
     >>> round(jaro_winkler(\"Lloyd Austin\", \"Lloyd J. Austin\"), 2)\n96.0"
);
scorer_fn!(
    py_levenshtein,
    "levenshtein",
    Scorer::Levenshtein,
    "Normalized Levenshtein similarity × 100 (RapidFuzz ``Levenshtein.normalized_similarity``).\n\n\
     >>> from quotelens.sim import levenshtein\n>>> levenshtein(\"kitten\", \"sitting\") // 1\n57.0"
);
scorer_fn!(
    py_jaccard,
    "jaccard",
    Scorer::Jaccard,
    "Jaccard similarity of the two sets of whitespace-separated words × 100 (100 for two empty \
     strings).\n\n>>> from quotelens.sim import jaccard\n\
     >>> jaccard(\"we seek no confrontation\", \"we seek confrontation\")\n75.0"
);

/// Unicode-aware preprocessing: NFKC, case folding, quote and dash folding, every run of
/// punctuation, symbols and spaces to one space, trimmed; ``strip_accents`` also removes
/// diacritics. Pass ``processor=True`` (or this function) to any scorer to use it.
///
/// >>> from quotelens.sim import default_process
/// >>> default_process("  “Don’t” — SAID Straße!! ")
/// 'don t said strasse'
/// >>> default_process("Zürich Café", strip_accents=True)
/// 'zurich cafe'
#[pyfunction]
#[pyo3(name = "default_process", signature = (s, *, strip_accents = false))]
pub fn py_default_process(s: &Bound<'_, PyAny>, strip_accents: bool) -> PyResult<String> {
    Ok(sim::default_process(&as_str(s, "s")?, strip_accents))
}

/// The module's native scorer functions and `default_process`, looked up once: a scorer
/// argument is recognized by identity, not by its name.
struct Natives {
    scorers: Vec<(Py<PyAny>, Scorer)>,
    default_process: Py<PyAny>,
}

fn natives(py: Python<'_>) -> PyResult<&'static Natives> {
    static NATIVES: pyo3::sync::PyOnceLock<Natives> = pyo3::sync::PyOnceLock::new();
    NATIVES.get_or_try_init(py, || {
        let m = py.import("quotelens._core")?;
        let scorers = Scorer::ALL
            .into_iter()
            .map(|s| Ok((m.getattr(s.name())?.unbind(), s)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Natives {
            scorers,
            default_process: m.getattr("default_process")?.unbind(),
        })
    })
}

/// The native metric of a scorer argument, `None` for any other callable (the caller scores
/// it in Python), a TypeError for what cannot be called.
fn metric_of(scorer: &Bound<'_, PyAny>) -> PyResult<Option<Metric>> {
    if let Ok(s) = scorer.cast::<PyStatementScorer>() {
        return Ok(Some(Metric::Statement(s.get().inner.clone())));
    }
    let natives = natives(scorer.py())?;
    if let Some((_, s)) = natives.scorers.iter().find(|(f, _)| f.is(scorer)) {
        return Ok(Some(Metric::Builtin(*s)));
    }
    if !scorer.is_callable() {
        return Err(PyTypeError::new_err(format!(
            "scorer must be a scorer function, not {}",
            type_name(scorer)
        )));
    }
    Ok(None)
}

/// A count argument (`k`, `limit`): an int (a numpy integer too, not a bool) of at least 1;
/// `None` when `none_ok` and it is None. Larger than the machine's integers is as large as
/// they go (there are never that many choices).
fn count_arg(o: &Bound<'_, PyAny>, arg: &'static str, none_ok: bool) -> PyResult<Option<usize>> {
    if none_ok && o.is_none() {
        return Ok(None);
    }
    let is_int = !o.is_instance_of::<pyo3::types::PyBool>()
        && (o.is_instance_of::<pyo3::types::PyInt>() || o.hasattr("__index__")?);
    let or_none = if none_ok { " or None" } else { "" };
    if !is_int {
        return Err(PyTypeError::new_err(format!(
            "{arg} must be an int{or_none}, not {}",
            type_name(o)
        )));
    }
    let v: i128 = match o.extract::<i64>() {
        Ok(v) => v.into(),
        Err(_) if o.gt(0)? => i128::MAX,
        Err(_) => i128::MIN,
    };
    if v < 1 {
        let shown = o.repr().map(|r| r.to_string()).unwrap_or_default();
        return Err(crate::Error::invalid(
            arg,
            format!("must be at least 1{or_none}, got {shown}"),
        )
        .into());
    }
    Ok(Some(usize::try_from(v).unwrap_or(usize::MAX)))
}

/// How a batch applies its processor: `(process, proc)` where `process` asks the core for
/// `default_process` and `proc` is a Python callable applied while reading the strings.
fn batch_proc<'py>(processor: &Bound<'py, PyAny>) -> PyResult<(bool, Proc<'py>)> {
    Ok(match proc_of(Some(processor))? {
        Proc::Default => (true, Proc::None),
        p => (false, p),
    })
}

/// Append `x` (element `i` of the list `arg`) to `texts`, through the Python processor of
/// `p` if it has one.
fn push_item(
    texts: &mut sim::batch::Texts,
    x: &Bound<'_, PyAny>,
    arg: &str,
    i: usize,
    p: &Proc<'_>,
) -> PyResult<()> {
    match p {
        Proc::Call(f) => {
            if !x.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(format!(
                    "{arg}[{i}] must be str, not {}",
                    type_name(x)
                )));
            }
            let y = f.call1((x,))?;
            if !y.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(format!(
                    "processor({arg}[{i}]) must return str, not {}",
                    type_name(&y)
                )));
            }
            push_text(texts, &y, arg, i)
        }
        _ => push_text(texts, x, arg, i),
    }
}

/// A list argument's strings (through the Python processor of `p`) and, when `keep`, its
/// items (for `extract`'s result).
fn texts_arg<'py>(
    o: &Bound<'py, PyAny>,
    arg: &str,
    p: &Proc<'_>,
    keep: bool,
) -> PyResult<(sim::batch::Texts, Vec<Bound<'py, PyAny>>)> {
    if o.is_instance_of::<PyString>() || o.is_instance_of::<pyo3::types::PyBytes>() || o.is_none() {
        return Err(PyTypeError::new_err(format!(
            "{arg} must be a list of str, not {}",
            type_name(o)
        )));
    }
    let mut texts = sim::batch::Texts::new();
    let mut items = Vec::new();
    if let (Ok(list), false, false) = (o.cast::<PyList>(), keep, matches!(p, Proc::Call(_))) {
        // No Python code runs while the strings are read: the items may be borrowed.
        let n = list.len();
        texts.reserve(n, n * 16);
        for i in 0..n {
            let x = borrowed_item(list, i)?;
            let (s, len) = str_len(&x, arg, i)?;
            push_str(&mut texts, s, len)?;
        }
        return Ok((texts, items));
    }
    let mut one = |i: usize, x: Bound<'py, PyAny>| -> PyResult<()> {
        push_item(&mut texts, &x, arg, i, p)?;
        if keep {
            items.push(x);
        }
        Ok(())
    };
    if let Ok(list) = o.cast::<PyList>() {
        for (i, x) in list.iter().enumerate() {
            one(i, x)?;
        }
    } else {
        let it = o.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("{arg} must be a list of str, not {}", type_name(o)))
        })?;
        for (i, x) in it.enumerate() {
            one(i, x?)?;
        }
    }
    Ok((texts, items))
}

/// Dense score matrix, every argument checked here; `NotImplemented` for a scorer that is
/// not native (``quotelens.sim.cdist`` then calls it in Python).
///
/// ``cell_bytes`` is the peak memory per cell the caller needs (4, plus a dtype conversion).
#[pyfunction]
#[pyo3(name = "_cdist", signature = (queries, choices, scorer, processor, score_cutoff, workers, cell_bytes = 4))]
#[allow(clippy::too_many_arguments)]
pub fn py_cdist<'py>(
    py: Python<'py>,
    queries: &Bound<'py, PyAny>,
    choices: &Bound<'py, PyAny>,
    scorer: &Bound<'py, PyAny>,
    processor: &Bound<'py, PyAny>,
    score_cutoff: Option<f64>,
    workers: &Bound<'py, PyAny>,
    cell_bytes: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let workers = super::workers_arg(workers)?;
    let (process, p) = batch_proc(processor)?;
    let Some(metric) = metric_of(scorer)? else {
        return Ok(py.NotImplemented().into_bound(py));
    };
    let (q, _) = texts_arg(queries, "queries", &p, false)?;
    let (c, _) = texts_arg(choices, "choices", &p, false)?;
    let (n, m) = (q.len(), c.len());
    sim::batch::check_dense(n, m, cell_bytes.max(4))?;
    let out = run(py, work(&q, &c), || {
        sim::batch::cdist_texts(&q, &c, &metric, process, score_cutoff, workers)
    })?;
    Ok(PyArray1::from_vec(py, out).reshape([n, m])?.into_any())
}

/// Scores of index pairs (native scorers only; use ``quotelens.sim.score_pairs``).
#[pyfunction]
#[pyo3(name = "_score_pairs", signature = (texts, a, b, scorer, process, score_cutoff, workers))]
#[allow(clippy::too_many_arguments)]
pub fn py_score_pairs<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    a: Vec<i64>,
    b: Vec<i64>,
    scorer: &Bound<'py, PyAny>,
    process: bool,
    score_cutoff: Option<f64>,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let workers = super::workers_arg(workers)?;
    let t = str_list(texts, "texts")?;
    let Some(metric) = metric_of(scorer)? else {
        return Err(PyTypeError::new_err(
            "_score_pairs takes native scorers only",
        ));
    };
    let out = run(py, chars(&t) * a.len() as u128, || {
        sim::score_pairs(&t, &a, &b, &metric, process, score_cutoff, workers)
    })?;
    Ok(PyArray1::from_vec(py, out).into_any())
}

/// Sparse best matches, every argument checked here; `NotImplemented` for a scorer that is
/// not native (``quotelens.sim.top_k`` then calls it in Python).
#[pyfunction]
#[pyo3(name = "_top_k", signature = (queries, choices, k, scorer, processor, score_cutoff, workers))]
#[allow(clippy::too_many_arguments)]
pub fn py_top_k<'py>(
    py: Python<'py>,
    queries: &Bound<'py, PyAny>,
    choices: &Bound<'py, PyAny>,
    k: &Bound<'py, PyAny>,
    scorer: &Bound<'py, PyAny>,
    processor: &Bound<'py, PyAny>,
    score_cutoff: Option<f64>,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let k = count_arg(k, "k", false)?.unwrap_or(1);
    let workers = super::workers_arg(workers)?;
    let (process, p) = batch_proc(processor)?;
    let Some(metric) = metric_of(scorer)? else {
        return Ok(py.NotImplemented().into_bound(py));
    };
    let (q, _) = texts_arg(queries, "queries", &p, false)?;
    let (c, _) = texts_arg(choices, "choices", &p, false)?;
    let r = run(py, work(&q, &c), || {
        sim::batch::top_k_texts(&q, &c, k, &metric, process, score_cutoff, workers)
    })?;
    Ok(PyTuple::new(
        py,
        [
            PyArray1::from_vec(py, r.query).into_any(),
            PyArray1::from_vec(py, r.choice).into_any(),
            PyArray1::from_vec(py, r.score).into_any(),
        ],
    )?
    .into_any())
}

/// One query against many, every argument checked here, as ``[(choice, score, index)]``;
/// `NotImplemented` for a scorer that is not native (``quotelens.sim.extract`` then calls it
/// in Python).
#[pyfunction]
#[pyo3(name = "_extract", signature = (query, choices, scorer, processor, limit, score_cutoff, workers))]
#[allow(clippy::too_many_arguments)]
pub fn py_extract<'py>(
    py: Python<'py>,
    query: &Bound<'py, PyAny>,
    choices: &Bound<'py, PyAny>,
    scorer: &Bound<'py, PyAny>,
    processor: &Bound<'py, PyAny>,
    limit: &Bound<'py, PyAny>,
    score_cutoff: Option<f64>,
    workers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let limit = count_arg(limit, "limit", true)?;
    let workers = super::workers_arg(workers)?;
    let (process, p) = batch_proc(processor)?;
    let query_text = as_str(query, "query")?;
    let Some(metric) = metric_of(scorer)? else {
        return Ok(py.NotImplemented().into_bound(py));
    };
    let query_text = match &p {
        Proc::Call(f) => as_str(&f.call1((query,))?, "processor(query)")?,
        _ => query_text,
    };
    let found: Vec<(Bound<'py, PyAny>, f64, usize)> = match choices.cast::<PyList>() {
        Ok(list) if crate::parallel::threads_for(workers)? == 1 => {
            let found = extract_lazily(
                py,
                &query_text,
                list,
                limit,
                &metric,
                process,
                &p,
                score_cutoff,
            )?;
            found
                .into_iter()
                .map(|(i, s)| Ok((list.get_item(i)?, s, i)))
                .collect::<PyResult<_>>()?
        }
        _ => {
            let mut q = sim::batch::Texts::new();
            q.push_str(&query_text);
            let (c, items) = texts_arg(choices, "choices", &p, true)?;
            let found = run(py, work(&q, &c), || {
                sim::batch::extract_texts(&q, &c, limit, &metric, process, score_cutoff, workers)
            })?;
            found
                .into_iter()
                .map(|(i, s)| (items[i].clone(), s, i))
                .collect()
        }
    };
    Ok(PyList::new(py, found)?.into_any())
}

/// `f`, with a panic in the core as a `QuotelensError` (never a `PanicException`).
fn guarded<T>(f: impl FnOnce() -> T) -> PyResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
        let msg = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        super::QuotelensError::new_err(format!("internal error: {msg}"))
    })
}

/// The choice `s` of `n` code points `default_process`ed for `ex` (as [`read_processed`]),
/// or `None` when it cannot enter: by the length it will have, counted before processing
/// when `ex` can turn a length away ([`sim::process::processed_len_utf8`]), or by the length
/// it has once processed.
fn processed_choice<'b>(
    ex: &sim::batch::Extraction,
    s: &Bound<'_, PyString>,
    n: usize,
    buf: &mut Buf,
    out: &'b mut Vec<char>,
) -> PyResult<Option<&'b [char]>> {
    let utf8 = utf8_of(s, n);
    let counted = || utf8.and_then(|(bytes, _)| sim::process::processed_len_utf8(bytes));
    if ex.filters_by_length() && counted().is_some_and(|len| !ex.may_enter(len)) {
        return Ok(None);
    }
    let c = read_processed_utf8(s, n, utf8, buf, out)?;
    Ok(ex.may_enter(c.len()).then_some(c))
}

/// One-worker `extract` that reads the choices a block at a time, in blocks that grow from 16
/// to 4096, and stops reading once the result is settled (as RapidFuzz does, which then also
/// leaves later choices unchecked). Holds the GIL as RapidFuzz does, except while scoring a
/// large block; looks for Ctrl-C between blocks.
#[allow(clippy::too_many_arguments)]
fn extract_lazily(
    py: Python<'_>,
    query: &str,
    list: &Bound<'_, PyList>,
    limit: Option<usize>,
    metric: &Metric,
    process: bool,
    p: &Proc<'_>,
    score_cutoff: Option<f64>,
) -> PyResult<Vec<(usize, f64)>> {
    let n = list.len();
    // The built-in processor of a string scorer is applied here, as each choice is read (an
    // ASCII choice straight from its borrowed bytes, by table), and the core sees processed
    // strings: no code points copied first and processed into a new vector per choice, and
    // the length bound holds again (it is the processed length that is scored). A statement
    // scorer does its own processing in the core.
    let pre = process && !matches!(metric, Metric::Statement(_));
    let processed_query;
    let query = if pre {
        processed_query = sim::default_process(query, false);
        &processed_query[..]
    } else {
        query
    };
    let mut ex =
        sim::batch::Extraction::new(query, n, limit, metric, process && !pre, score_cutoff)?;
    let mut block = sim::batch::Texts::new();
    block.reserve(n.min(64), n.min(64) * 16);
    let mut index = Vec::with_capacity(n.min(64));
    // Without a Python processor a choice's length is its scored length: one that cannot
    // enter the result by its length alone is not read (checked it is a str, not copied).
    let by_length = matches!(p, Proc::None) && !pre;
    let (mut buf, mut scratch) = (Buf::new(), Vec::new());
    // The first choices, while their work is small, are scored as they are read: no block
    // to fill and no GIL release (a short list is read this way to the end).
    let (mut start, mut size) = (0, 16);
    if !matches!(p, Proc::Call(_)) {
        let mut work = 0u128;
        let qlen = ex.query_len().max(1) as u128;
        while start < n && work < QUICK_WORK && !ex.done() {
            let j = start;
            start += 1;
            // No Python code runs while this choice is read: it may be borrowed.
            let x = borrowed_item(list, j)?;
            let (s, len) = str_len(&x, "choices", j)?;
            if by_length && !ex.may_enter(len) {
                continue;
            }
            let chars = if pre {
                match processed_choice(&ex, s, len, &mut buf, &mut scratch)? {
                    Some(c) => c,
                    None => continue,
                }
            } else {
                str_code_points(s, len, &mut buf)?
            };
            work += qlen * chars.len().max(1) as u128;
            guarded(|| ex.feed_one(chars, j))?;
        }
        py.check_signals()?;
    }
    while start < n && !ex.done() {
        let end = (start + size).min(n);
        block.clear();
        index.clear();
        for j in start..end {
            if let Proc::Call(_) = p {
                push_item(&mut block, &list.get_item(j)?, "choices", j, p)?;
                index.push(j);
                continue;
            }
            // No Python code runs while this choice is read: it may be borrowed.
            let x = borrowed_item(list, j)?;
            let (s, len) = str_len(&x, "choices", j)?;
            if by_length && !ex.may_enter(len) {
                continue;
            }
            if pre {
                let Some(c) = processed_choice(&ex, s, len, &mut buf, &mut scratch)? else {
                    continue;
                };
                block.push_chars(c);
            } else {
                push_str(&mut block, s, len)?;
            }
            index.push(j);
        }
        let work = query.len() as u128 * block.total_chars() as u128;
        if work < QUICK_WORK {
            guarded(|| ex.feed(&block, &index))?;
        } else {
            py.detach(|| guarded(|| ex.feed(&block, &index)))?;
        }
        py.check_signals()?;
        start = end;
        size = (size * 2).min(4096);
    }
    Ok(ex.finish())
}

/// How two statements relate: ``relation`` is ``"agree"`` (the same claim), ``"deny"`` (one
/// rejects or contradicts the other) or ``"unrelated"`` (a different claim); ``score`` is the
/// calibrated statement score (0–100, as ``statement``), ``denial`` the share (0–1) of the
/// shared content whose polarity differs, ``evidence`` says why (each cue and the words it
/// negates, antonym pairs such as rose / fell). ``polarity`` is ``"opposite"`` exactly when
/// ``relation == "deny"``, else ``"same"``; ``cues_a`` and ``cues_b`` are the negation / denial
/// cues that apply in each sentence (a cue inside a condition does not).
///
/// >>> from quotelens.sim import compare
/// >>> m = compare("The US is deploying troops.", "The US is not deploying troops.")
/// >>> m.relation, m.polarity, m.cues_b, m.score > 90
/// ('deny', 'opposite', ['not'], True)
#[pyclass(frozen, eq, name = "StatementMatch", module = "quotelens")]
#[derive(Clone, PartialEq)]
pub struct PyStatementMatch {
    inner: crate::compare::StatementMatch,
}

#[pymethods]
impl PyStatementMatch {
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }
    #[getter]
    fn relation(&self) -> &'static str {
        self.inner.relation.as_str()
    }
    #[getter]
    fn denial(&self) -> f64 {
        self.inner.denial
    }
    #[getter]
    fn polarity(&self) -> &'static str {
        if self.inner.opposite() {
            "opposite"
        } else {
            "same"
        }
    }
    #[getter]
    fn cues_a(&self) -> Vec<String> {
        self.inner.cues_a.clone()
    }
    #[getter]
    fn cues_b(&self) -> Vec<String> {
        self.inner.cues_b.clone()
    }
    #[getter]
    fn evidence(&self) -> Vec<String> {
        self.inner.evidence.clone()
    }
    fn __repr__(&self) -> String {
        format!(
            "StatementMatch(relation={:?}, score={:.1}, denial={:.2}, cues_a={:?}, cues_b={:?})",
            self.relation(),
            self.inner.score,
            self.inner.denial,
            self.inner.cues_a,
            self.inner.cues_b
        )
    }
}

/// A statement scorer with corpus statistics: IDF weights fitted on ``corpus_texts`` (or
/// given as ``idf``, a mapping word → weight). Usable as ``scorer=`` in ``cdist``, ``top_k``
/// and ``extract`` (natively, in parallel) and callable like a RapidFuzz scorer.
///
/// >>> from quotelens.sim import StatementScorer
/// >>> s = StatementScorer(["Troops were deployed.", "Talks resumed.", "Troops left."])
/// >>> s.score("Troops were deployed on Friday.", "On Friday troops were deployed.") > 95
/// True
/// >>> s.compare("Talks resumed.", "Talks never resumed.").relation
/// 'deny'
///
/// ``calibrated=False`` scores by weighted word overlap alone (100 × the harmonic mean of the
/// two soft recalls, lowered when numbers disagree): looser than the calibrated paraphrase
/// score, for claims made in different words (``Corpus.claims`` uses it).
///
/// The scorer does its own Unicode folding and needs capitals (names) and digit separators
/// ("1,000"), so ``processor=True`` means that processing, here and in ``cdist``, ``top_k``,
/// ``extract`` and ``score_pairs`` alike; a callable processor is applied first.
#[pyclass(frozen, name = "StatementScorer", module = "quotelens")]
pub struct PyStatementScorer {
    inner: Arc<StatementScorer>,
}

fn idf_map(idf: Option<&Bound<'_, PyAny>>) -> PyResult<Option<HashMap<String, f64>>> {
    match idf {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => o.extract::<HashMap<String, f64>>().map(Some).map_err(|_| {
            PyTypeError::new_err(format!(
                "idf must be a dict of str to float, not {}",
                type_name(o)
            ))
        }),
    }
}

#[pymethods]
impl PyStatementScorer {
    #[new]
    #[pyo3(signature = (corpus_texts = None, *, idf = None, calibrated = true))]
    fn new(
        py: Python<'_>,
        corpus_texts: Option<&Bound<'_, PyAny>>,
        idf: Option<&Bound<'_, PyAny>>,
        calibrated: bool,
    ) -> PyResult<Self> {
        let idf = idf_map(idf)?;
        let texts = match corpus_texts {
            Some(t) if !t.is_none() => Some(str_list(t, "corpus_texts")?),
            _ => None,
        };
        let inner = detached(py, || {
            Ok(match (texts, idf) {
                (_, Some(m)) => StatementScorer::with_idf(&m),
                (Some(t), None) => StatementScorer::fit(&t),
                (None, None) => StatementScorer::new(),
            }
            .overlap(!calibrated))
        })?;
        Ok(Self {
            inner: Arc::new(inner),
        })
    }

    /// Calibrated similarity of two statements, 0–100 (polarity ignored; see ``compare``).
    fn score(&self, py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<f64> {
        let (a, b) = (as_str(a, "a")?, as_str(b, "b")?);
        run(py, pair_work(&a, &b), || Ok(self.inner.score(&a, &b)))
    }

    /// Relation (agree / deny / unrelated), score, cues and evidence of two statements.
    fn compare(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<PyStatementMatch> {
        let (a, b) = (as_str(a, "a")?, as_str(b, "b")?);
        let inner = run(py, pair_work(&a, &b), || {
            Ok(crate::compare::compare(&self.inner, &a, &b))
        })?;
        Ok(PyStatementMatch { inner })
    }

    /// RapidFuzz scorer protocol: ``scorer(s1, s2, *, processor=None, score_cutoff=None)``.
    #[pyo3(signature = (s1, s2, *, processor = None, score_cutoff = None))]
    fn __call__(
        &self,
        py: Python<'_>,
        s1: &Bound<'_, PyAny>,
        s2: &Bound<'_, PyAny>,
        processor: Option<&Bound<'_, PyAny>>,
        score_cutoff: Option<f64>,
    ) -> PyResult<f64> {
        // processor=True is the scorer's own processing (as in the batch functions).
        let p = match proc_of(processor)? {
            Proc::Default => Proc::None,
            p => p,
        };
        let (mut ba, mut bb) = (Buf::new(), Buf::new());
        let a: String = processed(s1, "s1", &p, &mut ba)?.iter().collect();
        let b: String = processed(s2, "s2", &p, &mut bb)?.iter().collect();
        let s = run(py, pair_work(&a, &b), || Ok(self.inner.score(&a, &b)))?;
        Ok(if s >= score_cutoff.unwrap_or(0.0) {
            s
        } else {
            0.0
        })
    }

    fn __repr__(&self) -> String {
        "StatementScorer(...)".to_string()
    }
}

/// Are ``a`` and ``b`` the same claim? A calibrated score, 0–100: about 100 × the
/// probability that the two report one claim, from features of the pair (IDF-weighted overlap
/// of content words both ways with soft matching of inflections and spellings, agreement of
/// numbers — "1,000" = "one thousand" — and names, word order, length and character-level
/// ratios) combined by logistic-regression weights fitted on the MRPC paraphrase corpus
/// (``benchmarks/fit_statement.py``). Attribution wording ("X said" / "according to X") does
/// not count; symmetric in ``a`` and ``b``. ``idf`` (word → weight) replaces the built-in
/// weights. Negation does not lower the score: use ``compare`` to tell a claim from its denial.
///
/// >>> from quotelens.sim import statement
/// >>> statement("Officials said 1,000 troops would deploy.",
/// ...           "According to officials, one thousand troops will deploy.") > 80
/// True
/// >>> statement("Officials said 1,000 troops would deploy.",
/// ...           "The central bank raised interest rates by half a point.") < 10
/// True
#[pyfunction]
#[pyo3(name = "statement", signature = (a, b, *, idf = None))]
pub fn py_statement(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    idf: Option<&Bound<'_, PyAny>>,
) -> PyResult<f64> {
    let (a, b) = (as_str(a, "a")?, as_str(b, "b")?);
    let work = pair_work(&a, &b);
    match idf_map(idf)? {
        Some(m) => run(py, work, || Ok(StatementScorer::with_idf(&m).score(&a, &b))),
        None => run(py, work, || Ok(default_statement().score(&a, &b))),
    }
}

fn default_statement() -> &'static StatementScorer {
    static S: std::sync::OnceLock<StatementScorer> = std::sync::OnceLock::new();
    S.get_or_init(StatementScorer::new)
}

/// The relation of two statements: ``"agree"``, ``"deny"`` or ``"unrelated"``, with the
/// calibrated score, the cues and the evidence (see ``StatementMatch``). Negation and its
/// scope, denial verbs governing the claim ("denied any plans for …", "rejected the claim
/// that …", "dismissed reports of …"), predicates ("… are false"), "neither … nor", antonyms
/// ("rose" / "fell", "support" / "oppose") and prefixed negations ("unconstitutional") count;
/// a negation inside a condition ("if he doesn't …") or a contrast ("poison, not an
/// antidote") does not deny the claim. The word lists are data files in
/// ``src/compare/lexicon/``.
///
/// >>> from quotelens.sim import compare
/// >>> compare("We seek confrontation.", "We do not seek confrontation.").relation
/// 'deny'
/// >>> compare("She neither sent nor received classified emails.",
/// ...         "She sent and received classified emails.").relation
/// 'deny'
/// >>> compare("Exports rose 4 percent.", "Exports fell 4 percent.").evidence[0]
/// 'antonyms: "rose" / "fell"'
#[pyfunction]
#[pyo3(name = "compare")]
pub fn py_compare(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<PyStatementMatch> {
    let (a, b) = (as_str(a, "a")?, as_str(b, "b")?);
    let inner = run(py, pair_work(&a, &b), || {
        Ok(crate::compare::compare(default_statement(), &a, &b))
    })?;
    Ok(PyStatementMatch { inner })
}

/// Features of the statement score for pairs ``(a[k], b[k])`` (for fitting its weights, see
/// ``benchmarks/fit_statement.py``): a float64 array of shape ``(len(a), len(FEATURES))``.
#[pyfunction]
#[pyo3(name = "_statement_features", signature = (a, b))]
pub fn py_statement_features<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, b) = (str_list(a, "a")?, str_list(b, "b")?);
    if a.len() != b.len() {
        return Err(super::to_py(crate::Error::invalid(
            "b",
            format!("must have the length of a ({}), got {}", a.len(), b.len()),
        )));
    }
    let n = sim::FEATURES.len();
    let out = detached(py, || {
        let s = default_statement();
        Ok(a.iter()
            .zip(&b)
            .flat_map(|(x, y)| s.features(x, y))
            .collect::<Vec<f64>>())
    })?;
    Ok(PyArray1::from_vec(py, out)
        .reshape([a.len(), n])?
        .into_any())
}

/// Names of the statement-score features, in the order of ``_statement_features``' columns.
#[pyfunction]
#[pyo3(name = "_statement_feature_names")]
pub fn py_statement_feature_names() -> Vec<&'static str> {
    sim::FEATURES.to_vec()
}

/// Where a quote was found: ``text[start:end]`` (Python string indices) and the ``ratio`` of
/// the case- and quote-folded quote and that span.
#[pyclass(frozen, eq, name = "Alignment", module = "quotelens")]
#[derive(Clone, PartialEq)]
pub struct PyAlignment {
    inner: sim::Alignment,
}

#[pymethods]
impl PyAlignment {
    #[getter]
    fn start(&self) -> usize {
        self.inner.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.inner.end
    }
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }
    fn __repr__(&self) -> String {
        format!(
            "Alignment(start={}, end={}, score={:.1})",
            self.inner.start, self.inner.end, self.inner.score
        )
    }
}

/// Where ``quote`` (possibly reworded or truncated) occurs in ``text``: an ``Alignment`` whose
/// ``text[a.start:a.end]`` is the best-matching span, or ``None`` when nothing matches or the
/// score is below ``score_cutoff``. Case, curly quotes and dashes do not matter. Seeds with
/// shared 6-grams and aligns only around the best seeds, so a 1 MB article takes milliseconds.
///
/// >>> from quotelens.sim import locate
/// >>> text = 'He said: “We do not seek confrontation,” and left.'
/// >>> a = locate("we don't seek confrontation", text)
/// >>> text[a.start:a.end], a.score > 90
/// ('We do not seek confrontation', True)
#[pyfunction]
#[pyo3(name = "locate", signature = (quote, text, *, score_cutoff = None))]
pub fn py_locate(
    py: Python<'_>,
    quote: &Bound<'_, PyAny>,
    text: &Bound<'_, PyAny>,
    score_cutoff: Option<f64>,
) -> PyResult<Option<PyAlignment>> {
    let (q, t) = (as_str(quote, "quote")?, as_str(text, "text")?);
    let work = (q.len() as u128).min(2048) * t.len() as u128;
    let found = run(py, work, || Ok(sim::locate(&q, &t, score_cutoff)))?;
    Ok(found.map(|inner| PyAlignment { inner }))
}
