//! Feeds arbitrary bytes to the spec reader and validator: whatever comes in, the result is a
//! spec or a list of problems, never a panic, and every problem names a path.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut deserializer = serde_json::Deserializer::from_slice(data);
    if let Err(problems) = comparison_card::core::spec::parse(&mut deserializer) {
        assert!(!problems.is_empty() && problems.len() <= 51);
        assert!(problems.iter().all(|p| !p.path.is_empty()));
    }
});
