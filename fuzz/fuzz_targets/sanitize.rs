#![no_main]
//! `sanitize` / `sanitize_line` / `is_clean` on arbitrary text: the output holds no
//! control (tab included; `\n` only from `sanitize`), bidi or zero-width character;
//! sanitising is idempotent; `is_clean(x)` iff `sanitize(x)` borrows `x`.

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use readout::text::sanitize::{is_clean, sanitize, sanitize_line};

#[allow(dead_code)]
mod common;
use common::assert_clean;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is still text worth testing once repaired.
    let input = String::from_utf8_lossy(data);
    let input: &str = &input;

    let out = sanitize(input);
    assert_clean("sanitize", &out, true);
    assert_eq!(
        is_clean(input),
        matches!(out, Cow::Borrowed(_)),
        "is_clean disagrees with sanitize for {input:?}"
    );
    if let Cow::Borrowed(s) = out {
        assert!(std::ptr::eq(s, input), "borrowed output is not the input");
    }
    let again = sanitize(&out);
    assert_eq!(again, out, "sanitize not idempotent for {input:?}");
    assert!(
        is_clean(&out),
        "is_clean(sanitize(x)) is false for {input:?}"
    );

    let line = sanitize_line(input);
    assert_clean("sanitize_line", &line, false);
    assert!(!line.contains('\n'));
    assert_eq!(
        sanitize_line(&line),
        line,
        "sanitize_line not idempotent for {input:?}"
    );
});
