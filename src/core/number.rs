//! Numbers written by hand, at the bottom of the core: every other core module may use it, and
//! it uses none of them.
//!
//! Not through `core::fmt`: its float formatting pulls in several kilobytes of wasm, and the
//! card only ever needs short decimals.

/// Appends `value` rounded to exactly `decimals` decimal places (half away from zero).
/// Values too large to matter on a score scale are written as a bounded phrase.
pub fn push_fixed(out: &mut String, value: f64, decimals: u32) {
    push_decimal(out, value, decimals, false);
}

/// Appends `value` rounded to at most `decimals` decimal places, without trailing zeros:
/// `10`, `7.5`, `0.25`. Used for author scores and in messages.
pub fn push_trimmed(out: &mut String, value: f64, decimals: u32) {
    push_decimal(out, value, decimals, true);
}

/// Appends an unsigned integer.
pub fn push_uint(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (value % 10) as u8;
        len += 1;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in digits[..len].iter().rev() {
        out.push(digit as char);
    }
}

pub(crate) fn push_decimal(out: &mut String, value: f64, decimals: u32, trim: bool) {
    if value.is_nan() {
        out.push_str("NaN");
        return;
    }
    // Beyond this, scaled integers lose precision; no score scale gets near it.
    const LIMIT: f64 = 1e15;
    if value >= LIMIT {
        out.push_str("more than 1000000000000000");
        return;
    }
    if value <= -LIMIT {
        out.push_str("less than -1000000000000000");
        return;
    }
    let scale = 10u64.pow(decimals) as f64;
    let scaled = round(value.abs() * scale) as u64;
    let unit = 10u64.pow(decimals);
    let (whole, mut fraction) = (scaled / unit, scaled % unit);
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    push_uint(out, whole);
    let mut width = decimals;
    if trim {
        while width > 0 && fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
    }
    if width > 0 {
        out.push('.');
        let mut divisor = 10u64.pow(width - 1);
        while divisor > 0 {
            out.push((b'0' + (fraction / divisor % 10) as u8) as char);
            divisor /= 10;
        }
    }
}

/// `f64::round` (halves away from zero), built on `trunc`: WebAssembly has that as one
/// instruction, where `round` is a library call, and tipping points round a few thousand
/// times per slider step. The fraction `x - trunc(x)` is exact, so the result is too.
pub fn round(x: f64) -> f64 {
    let whole = x.trunc();
    let fraction = x - whole;
    if fraction >= 0.5 {
        whole + 1.0
    } else if fraction <= -0.5 {
        whole - 1.0
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(value: f64, decimals: u32) -> String {
        let mut s = String::new();
        push_fixed(&mut s, value, decimals);
        s
    }

    fn trimmed(value: f64, decimals: u32) -> String {
        let mut s = String::new();
        push_trimmed(&mut s, value, decimals);
        s
    }

    #[test]
    fn fixed_rounds_half_away_from_zero_and_keeps_zeros() {
        assert_eq!(fixed(8.5, 1), "8.5");
        assert_eq!(fixed(44.0 / 6.0, 1), "7.3");
        assert_eq!(fixed(10.0, 1), "10.0");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(0.0, 1), "0.0");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(1.23456, 2), "1.23");
        assert_eq!(fixed(7.0, 0), "7");
    }

    #[test]
    fn trimmed_drops_trailing_zeros() {
        assert_eq!(trimmed(11.0, 2), "11");
        assert_eq!(trimmed(10.5, 2), "10.5");
        assert_eq!(trimmed(0.25, 2), "0.25");
        assert_eq!(trimmed(-1.0, 2), "-1");
        assert_eq!(trimmed(1e20, 2), "more than 1000000000000000");
        assert_eq!(trimmed(f64::NAN, 2), "NaN");
    }
}
