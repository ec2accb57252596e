//! The chart's geometry, worked out without the DOM: a radar (one axis per criterion, one polygon
//! per option) for three criteria or more, grouped bars for one or two. The view turns these
//! numbers into SVG; the native tests check them against the scores.
//!
//! Coordinates are in the SVG's own units: the radar is centred on (0, 0) with radius
//! [`RADIUS`]; the bars sit in a [`BARS_WIDTH`] × [`BARS_HEIGHT`] box.

use super::number::push_fixed;
use super::spec::Scale;

/// The radar's radius in view-box units.
pub const RADIUS: f64 = 100.0;
/// Rings drawn behind the polygons, as fractions of the scale.
pub const RINGS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];
/// Axis labels sit this far beyond the outer ring.
const LABEL_GAP: f64 = 12.0;
/// Radar view box: room around the circle for labels of 22 characters at 11 units (12 in narrow cards), so they stay
/// inside the card at any width.
pub const RADAR_VIEW_BOX: &str = "-265 -135 530 270";
/// Axis names longer than this are cut in the chart (the rows, and the numbered key of a narrow
/// chart, show them whole).
pub const LABEL_CHARS: usize = 22;

/// The bar chart's view-box width.
pub const BARS_WIDTH: f64 = 400.0;
/// The bar chart's view-box height.
pub const BARS_HEIGHT: f64 = 200.0;
/// Space under the bars for the criterion names.
const BARS_LABEL_SPACE: f64 = 28.0;
/// The bar chart's `viewBox`.
pub const BARS_VIEW_BOX: &str = "0 0 400 200";

/// From three criteria a radar reads well; with fewer it would be a line or a point.
pub fn is_radar(criteria: usize) -> bool {
    criteria >= 3
}

/// A score as a fraction of the scale, kept within 0..=1.
fn fraction(score: f64, scale: Scale) -> f64 {
    ((score - scale.min) / (scale.max - scale.min)).clamp(0.0, 1.0)
}

/// cos and sin of `angle` (|angle| ≤ 2.1 here) by their Taylor series: plenty accurate for a
/// chart, and far smaller in wasm than the library functions.
fn cos_sin(angle: f64) -> (f64, f64) {
    let (mut cos, mut sin) = (0.0, 0.0);
    // term = angleⁿ / n!; the signs repeat every four terms: +cos, +sin, −cos, −sin.
    let mut term = 1.0;
    for n in 0..24u32 {
        match n % 4 {
            0 => cos += term,
            1 => sin += term,
            2 => cos -= term,
            _ => sin -= term,
        }
        term *= angle / f64::from(n + 1);
    }
    (cos, sin)
}

/// The unit vector of each axis, clockwise from the top.
pub fn axis_directions(axes: usize) -> Vec<(f64, f64)> {
    let step = core::f64::consts::TAU / axes.max(1) as f64;
    let (cos, sin) = cos_sin(step);
    let mut directions = Vec::with_capacity(axes);
    let (mut x, mut y) = (0.0, -1.0);
    for _ in 0..axes {
        directions.push((x, y));
        (x, y) = (x * cos - y * sin, x * sin + y * cos);
    }
    directions
}

fn push_point(out: &mut String, x: f64, y: f64) {
    if !out.is_empty() {
        out.push(' ');
    }
    push_fixed(out, x, 1);
    out.push(',');
    push_fixed(out, y, 1);
}

/// The `points` of one option's polygon: its score on every axis.
pub fn push_polygon(out: &mut String, scores: impl Iterator<Item = f64>, scale: Scale, directions: &[(f64, f64)]) {
    for (score, &(x, y)) in scores.zip(directions) {
        let r = fraction(score, scale) * RADIUS;
        push_point(out, x * r, y * r);
    }
}

/// The `points` of a ring at `fraction` of the scale.
pub fn push_ring(out: &mut String, fraction: f64, directions: &[(f64, f64)]) {
    for &(x, y) in directions {
        push_point(out, x * fraction * RADIUS, y * fraction * RADIUS);
    }
}

/// Where an axis label goes, and which way its text runs from there.
pub struct Label {
    /// Where the label's anchor point lies, across.
    pub x: f64,
    /// Where the label's anchor point lies, down.
    pub y: f64,
    /// The SVG `text-anchor`: `start`, `middle` or `end`.
    pub anchor: &'static str,
}

/// Where an axis's label goes, just past the axis end in its direction.
pub fn axis_label(direction: (f64, f64)) -> Label {
    let (x, y) = direction;
    let anchor = if x > 0.2 {
        "start"
    } else if x < -0.2 {
        "end"
    } else {
        "middle"
    };
    let r = RADIUS + LABEL_GAP;
    // Labels above and below the circle move a little further, clear of the axis end.
    Label { x: x * r, y: y * r + y * 4.0, anchor }
}

/// An axis name on at most two lines of [`LABEL_CHARS`] characters, broken at the last space that
/// fits; what is left after two lines is cut with "…". A name that fits stays on one line.
///
/// Worked on a list of characters, not by slicing the `str`: a `str` slice's panic path formats
/// characters for its message and adds kilobytes of Unicode tables to the wasm.
pub fn label_lines(name: &str) -> (String, Option<String>) {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= LABEL_CHARS {
        return (name.to_string(), None);
    }
    // A space right after the first line's last character counts too.
    let space = (1..=LABEL_CHARS).rev().find(|&at| chars[at] == ' ');
    let (end, rest) = match space {
        Some(at) => (at, at + 1),
        None => (LABEL_CHARS, LABEL_CHARS),
    };
    let first = chars.iter().take(end).collect();
    let rest = chars.get(rest..).unwrap_or_default();
    let mut second: String = rest.iter().take(LABEL_CHARS).collect();
    if rest.len() > LABEL_CHARS {
        second.pop();
        second.push('…');
    }
    (first, Some(second))
}

/// One bar of the grouped bar chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Bar `option` of group `criterion`, out of `criteria` groups of `options` bars.
pub fn bar(criterion: usize, criteria: usize, option: usize, options: usize, score: f64, scale: Scale) -> Bar {
    let group = BARS_WIDTH / criteria.max(1) as f64;
    let width = (group * 0.7 / options.max(1) as f64).min(40.0);
    let start = criterion as f64 * group + (group - width * options as f64) / 2.0;
    let full = BARS_HEIGHT - BARS_LABEL_SPACE;
    let height = fraction(score, scale) * full;
    Bar { x: start + option as f64 * width, y: full - height, width, height }
}

/// The middle of a group, where its criterion's name goes, and the name's baseline.
pub fn bar_label(criterion: usize, criteria: usize) -> Label {
    let group = BARS_WIDTH / criteria.max(1) as f64;
    Label { x: (criterion as f64 + 0.5) * group, y: BARS_HEIGHT - 8.0, anchor: "middle" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_series_agrees_with_the_library_functions() {
        for step in 0..=40 {
            let angle = -2.1 + f64::from(step) * 0.105;
            let (cos, sin) = cos_sin(angle);
            assert!((cos - angle.cos()).abs() < 1e-9, "{angle}");
            assert!((sin - angle.sin()).abs() < 1e-9, "{angle}");
        }
    }

    #[test]
    fn long_names_wrap_onto_two_lines_at_a_space() {
        assert_eq!(label_lines("Community & hiring"), ("Community & hiring".into(), None));
        assert_eq!(label_lines("Performance & concurrency"), ("Performance &".into(), Some("concurrency".into())));
        assert_eq!(label_lines("Twenty-two characters! now"), ("Twenty-two characters!".into(), Some("now".into())));
        let (first, second) = label_lines("Kontrolle-und-Portabilitätsüberlegungen-ohne-Leerzeichen-über-zwei-Zeilen");
        assert_eq!(first.chars().count(), LABEL_CHARS);
        let second = second.unwrap_or_default();
        assert_eq!(second.chars().count(), LABEL_CHARS);
        assert!(second.ends_with('…'));
        // Multi-byte characters on either side of every break position.
        for before in 0..40 {
            let name = "é".repeat(before) + " " + &"ü".repeat(30);
            let (first, second) = label_lines(&name);
            assert!(first.chars().count() <= LABEL_CHARS && second.is_some(), "{name}");
        }
    }

    #[test]
    fn axes_start_at_the_top_and_go_round_clockwise() {
        for axes in 3..=30 {
            let directions = axis_directions(axes);
            for (index, &(x, y)) in directions.iter().enumerate() {
                let angle = -core::f64::consts::FRAC_PI_2 + core::f64::consts::TAU * index as f64 / axes as f64;
                assert!((x - angle.cos()).abs() < 1e-9 && (y - angle.sin()).abs() < 1e-9, "{axes} axes, {index}");
            }
        }
    }
}
